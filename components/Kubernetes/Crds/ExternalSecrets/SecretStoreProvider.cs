using System.Text.Json.Serialization;

namespace PgPlatform.Components.Kubernetes.Crds.ExternalSecrets;

/// <summary><c>spec.provider</c>: exactly one backend; pg-platform uses Azure Key Vault.</summary>
public sealed class SecretStoreProvider
{
    /// <summary>Azure Key Vault.</summary>
    [JsonPropertyName("azurekv")] public AzureKeyVaultProvider? AzureKeyVault { get; init; }
}
