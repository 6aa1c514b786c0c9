using System.Text.Json.Serialization;

namespace PgPlatform.Components.Kubernetes.Crds.ExternalSecrets;

/// <summary><c>spec.data[]</c>: one remote value.</summary>
public sealed class ExternalSecretData
{
    /// <summary>Key in the template context (and the Secret when no template is set).</summary>
    [JsonPropertyName("secretKey")] public required string SecretKey { get; init; }

    /// <summary>Where the value lives in the store.</summary>
    [JsonPropertyName("remoteRef")] public required RemoteReference RemoteRef { get; init; }
}
