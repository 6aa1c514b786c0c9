using System.Text.Json.Serialization;

namespace PgPlatform.Components.Kubernetes.Crds.ExternalSecrets;

/// <summary><c>ExternalSecret.spec</c>.</summary>
public sealed class ExternalSecretSpec
{
    /// <summary>How often the secret is refreshed, e.g. <c>1h</c>.</summary>
    [JsonPropertyName("refreshInterval")] public string? RefreshInterval { get; init; }

    /// <summary>The (Cluster)SecretStore to read from.</summary>
    [JsonPropertyName("secretStoreRef")] public required SecretStoreRef SecretStoreRef { get; init; }

    /// <summary>The Kubernetes Secret that is produced.</summary>
    [JsonPropertyName("target")] public required ExternalSecretTarget Target { get; init; }

    /// <summary>Remote values copied into the Secret.</summary>
    [JsonPropertyName("data")] public required IList<ExternalSecretData> Data { get; init; }
}
