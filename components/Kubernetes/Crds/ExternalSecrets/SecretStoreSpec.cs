using System.Text.Json.Serialization;

namespace PgPlatform.Components.Kubernetes.Crds.ExternalSecrets;

/// <summary><c>(Cluster)SecretStore.spec</c>.</summary>
public sealed class SecretStoreSpec
{
    /// <summary>The backend.</summary>
    [JsonPropertyName("provider")] public required SecretStoreProvider Provider { get; init; }
}
