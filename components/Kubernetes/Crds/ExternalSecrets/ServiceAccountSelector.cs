using System.Text.Json.Serialization;

namespace PgPlatform.Components.Kubernetes.Crds.ExternalSecrets;

/// <summary>A service account by name and namespace.</summary>
public sealed class ServiceAccountSelector
{
    /// <summary>Name.</summary>
    [JsonPropertyName("name")] public required string Name { get; init; }

    /// <summary>Namespace (required for a ClusterSecretStore).</summary>
    [JsonPropertyName("namespace")] public string? Namespace { get; init; }
}
