using System.Text.Json.Serialization;

namespace PgPlatform.Components.Kubernetes.Crds.ExternalSecrets;

/// <summary><c>spec.provider.azurekv</c>.</summary>
public sealed class AzureKeyVaultProvider
{
    /// <summary><c>WorkloadIdentity</c>: no client secret anywhere.</summary>
    [JsonPropertyName("authType")] public required string AuthType { get; init; }

    /// <summary>The vault's URI.</summary>
    [JsonPropertyName("vaultUrl")] public required string VaultUrl { get; init; }

    /// <summary>
    /// The tenant to sign in to. Optional for workload identity in ESO (<c>spec.provider.azurekv.tenantId</c> of
    /// external-secrets.io/v1 ClusterSecretStore), so set explicitly rather than left to the token's issuer.
    /// </summary>
    [JsonPropertyName("tenantId")] public string? TenantId { get; init; }

    /// <summary>Service account whose federated token is exchanged.</summary>
    [JsonPropertyName("serviceAccountRef")] public ServiceAccountSelector? ServiceAccountRef { get; init; }
}
