using Azure.Identity;
using Azure.Security.KeyVault.Secrets;

namespace PgPlatform.Stacks.Targets.Kubernetes;

/// <summary>Azure Key Vault through <see cref="SecretClient"/>, signed in with <see cref="DefaultAzureCredential"/> (Azure CLI, workload identity, ...).</summary>
public sealed class KeyVaultSecretStore(SecretClient client) : ISecretStore
{
    /// <summary>The store for the vault <paramref name="vaultName"/> (<c>https://&lt;name&gt;.vault.azure.net/</c>).</summary>
    public static KeyVaultSecretStore ForVault(string vaultName) =>
        new(new SecretClient(new Uri($"https://{vaultName}.vault.azure.net/"), new DefaultAzureCredential()));

    /// <inheritdoc />
    public async Task SetAsync(string name, string value, CancellationToken cancellationToken) =>
        await client.SetSecretAsync(new KeyVaultSecret(name, value) { Properties = { ContentType = "text/plain" } }, cancellationToken);
}
