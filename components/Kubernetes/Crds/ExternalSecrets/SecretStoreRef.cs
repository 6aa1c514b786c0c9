using System.Text.Json.Serialization;

namespace PgPlatform.Components.Kubernetes.Crds.ExternalSecrets;

/// <summary><c>spec.secretStoreRef</c>.</summary>
public sealed class SecretStoreRef
{
    /// <summary>Store name.</summary>
    [JsonPropertyName("name")] public required string Name { get; init; }

    /// <summary><c>SecretStore</c> or <c>ClusterSecretStore</c>.</summary>
    [JsonPropertyName("kind")] public required string Kind { get; init; }
}
