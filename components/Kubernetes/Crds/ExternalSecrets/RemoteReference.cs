using System.Text.Json.Serialization;

namespace PgPlatform.Components.Kubernetes.Crds.ExternalSecrets;

/// <summary><c>spec.data[].remoteRef</c>.</summary>
public sealed class RemoteReference
{
    /// <summary>Name of the secret in the store (a Key Vault secret name).</summary>
    [JsonPropertyName("key")] public required string Key { get; init; }
}
