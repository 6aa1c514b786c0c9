using System.Text.RegularExpressions;
using Azure;
using Azure.Core;
using Azure.Identity;
using Azure.Security.KeyVault.Secrets;

namespace PgPlatform.Stacks.Targets.Kubernetes;

/// <summary>Azure Key Vault through <see cref="SecretClient"/>, signed in with <see cref="DefaultAzureCredential"/> (Azure CLI, workload identity, ...).</summary>
public sealed partial class KeyVaultSecretStore(SecretClient client) : ISecretStore
{
    /// <summary>The store for the vault <paramref name="vaultName"/> (<c>https://&lt;name&gt;.vault.azure.net/</c>); throws <see cref="ArgumentException"/> for a name Key Vault does not allow.</summary>
    public static KeyVaultSecretStore ForVault(string vaultName) => ForVault(vaultName, new DefaultAzureCredential());

    /// <summary>
    /// The store for the vault <paramref name="vaultName"/>, signed in with <paramref name="credential"/> and
    /// <paramref name="options"/> (its transport, retries); throws <see cref="ArgumentException"/> for a name
    /// Key Vault does not allow.
    /// </summary>
    public static KeyVaultSecretStore ForVault(string vaultName, TokenCredential credential, SecretClientOptions? options = null) =>
        new(new SecretClient(VaultUri(vaultName), credential, options ?? new SecretClientOptions()));

    /// <summary>
    /// <c>https://&lt;name&gt;.vault.azure.net/</c>. Key Vault names are 3 to 24 letters, digits and single
    /// hyphens, starting with a letter and ending with a letter or digit; anything else throws
    /// <see cref="ArgumentException"/> saying so.
    /// </summary>
    public static Uri VaultUri(string vaultName)
    {
        if (string.IsNullOrWhiteSpace(vaultName))
        {
            throw new ArgumentException("the Key Vault name is missing (the vault's name, e.g. pgp-prod-kv, not its URL)", nameof(vaultName));
        }

        if (!VaultName().IsMatch(vaultName) || vaultName.Contains("--", StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{vaultName}' is not a Key Vault name: use 3-24 letters, digits and single hyphens, starting with a letter and ending with a letter or digit (the name, not the URL)", nameof(vaultName));
        }

        return new Uri($"https://{vaultName.ToLowerInvariant()}.vault.azure.net/");
    }

    /// <inheritdoc />
    /// <exception cref="SecretStoreException">Key Vault refused the write or could not be reached (the message never holds <paramref name="value"/>).</exception>
    public async Task SetAsync(string name, string value, CancellationToken cancellationToken)
    {
        try
        {
            await client.SetSecretAsync(new KeyVaultSecret(name, value) { Properties = { ContentType = "text/plain" } }, cancellationToken);
        }
        catch (RequestFailedException e)
        {
            var answer = e.Status == 0 ? Messages.FirstLine(e.Message) : $"HTTP {e.Status}{(e.ErrorCode is { } code ? $" {code}" : "")}";
            throw new SecretStoreException($"Key Vault {client.VaultUri.Host} refused to set secret '{name}': {answer}{Hint(e.Status)}", e);
        }
        catch (AuthenticationFailedException e)
        {
            throw new SecretStoreException($"cannot sign in to Key Vault {client.VaultUri.Host} to set secret '{name}': {Messages.FirstLine(e.Message)}", e);
        }
    }

    private static string Hint(int status) => status switch
    {
        401 or 403 => " (the signed-in identity needs the Key Vault Secrets Officer role on the vault)",
        404 => " (no such vault or secret path: check the vault name)",
        409 => " (a deleted secret of that name awaits purge: recover or purge it)",
        _ => "",
    };

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9-]{1,22}[A-Za-z0-9]$")]
    private static partial Regex VaultName();
}
