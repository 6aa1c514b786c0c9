using System.Net;
using System.Text.Json;
using Azure.Core.Pipeline;
using Azure.Identity;
using Azure.Security.KeyVault.Secrets;
using PgPlatform.Stacks.Targets.Kubernetes;

namespace PgPlatform.Stacks.Tests.Targets.Kubernetes;

/// <summary>
/// <see cref="KeyVaultSecretStore"/> through the real <see cref="SecretClient"/> pipeline (challenge-based
/// sign-in, retries, serialization) over a fake Key Vault transport. Each test uses its own vault name: the
/// client caches each vault's sign-in challenge process-wide.
/// </summary>
public sealed class KeyVaultSecretStoreTests
{
    private const string Password = "n3w-Owner-Passw0rd!";
    private readonly FakeKeyVault _vault = new();
    private readonly FakeTokenCredential _credential = new();

    private KeyVaultSecretStore Store(string vaultName) => KeyVaultSecretStore.ForVault(vaultName, _credential, new SecretClientOptions
    {
        Transport = new HttpClientTransport(new HttpClient(_vault)),
        Retry = { MaxRetries = 0 },
    });

    [Fact]
    public async Task SetPutsTheNewValueAsPlainTextToTheVaultsSecretUrlWithTheCredentialsBearerToken()
    {
        await Store("pgp-set-kv").SetAsync("linkding-prod-owner", Password, CancellationToken.None);

        var request = Assert.Single(_vault.Signed);
        Assert.Equal(HttpMethod.Put, request.Method);
        Assert.Equal("https://pgp-set-kv.vault.azure.net/secrets/linkding-prod-owner", request.Uri.GetLeftPart(UriPartial.Path));
        Assert.Matches("^\\?api-version=([0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]+\\.[0-9]+)(-preview)?$", request.Uri.Query);
        Assert.Equal($"Bearer {FakeTokenCredential.Token}", request.Authorization);
        using var body = JsonDocument.Parse(request.Body!);
        Assert.Equal(Password, body.RootElement.GetProperty("value").GetString());
        Assert.Equal("text/plain", body.RootElement.GetProperty("contentType").GetString());
        var token = Assert.Single(_credential.Requests);
        Assert.Equal(["https://vault.azure.net/.default"], token.Scopes);
        Assert.Equal(FakeKeyVault.Tenant, token.TenantId);
    }

    [Theory]
    [InlineData(HttpStatusCode.Forbidden, "Forbidden", "HTTP 403 Forbidden (the signed-in identity needs the Key Vault Secrets Officer role on the vault)")]
    [InlineData(HttpStatusCode.NotFound, "NotFound", "HTTP 404 NotFound (no such vault or secret path: check the vault name)")]
    public async Task ARefusalIsASecretStoreExceptionNamingVaultSecretAndStatusButNeverTheValue(HttpStatusCode status, string code, string expected)
    {
        // A vault that echoed the value back must still not get it into the message.
        _vault.Answer = (_, _) => (status, $$$"""{"error":{"code":"{{{code}}}","message":"refused {{{Password}}}"}}""");

        var e = await Assert.ThrowsAsync<SecretStoreException>(() => Store($"pgp-{(int)status}-kv").SetAsync("linkding-prod-owner", Password, CancellationToken.None));

        Assert.Equal($"Key Vault pgp-{(int)status}-kv.vault.azure.net refused to set secret 'linkding-prod-owner': {expected}", e.Message);
        Assert.DoesNotContain(Password, e.Message, StringComparison.Ordinal);
        Assert.Single(_vault.Signed);
    }

    [Fact]
    public async Task AnUnreachableVaultAndAFailedSignInAreClearSecretStoreExceptions()
    {
        _vault.Unreachable = new HttpRequestException("Name or service not known (pgp-gone-kv.vault.azure.net:443)");
        var unreachable = await Assert.ThrowsAsync<SecretStoreException>(() => Store("pgp-gone-kv").SetAsync("s", Password, CancellationToken.None));
        Assert.Equal("Key Vault pgp-gone-kv.vault.azure.net refused to set secret 's': Name or service not known (pgp-gone-kv.vault.azure.net:443)", unreachable.Message);

        _vault.Unreachable = null;
        _credential.Failure = new AuthenticationFailedException("DefaultAzureCredential failed to retrieve a token from the included credentials.\nSee the troubleshooting guide");
        var signIn = await Assert.ThrowsAsync<SecretStoreException>(() => Store("pgp-signin-kv").SetAsync("s", Password, CancellationToken.None));
        Assert.Equal("cannot sign in to Key Vault pgp-signin-kv.vault.azure.net to set secret 's': DefaultAzureCredential failed to retrieve a token from the included credentials.", signIn.Message);
        Assert.Empty(_vault.Signed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("kv")]
    [InlineData("1pgp-prod")]
    [InlineData("pgp-prod-")]
    [InlineData("pgp--prod")]
    [InlineData("pgp_prod")]
    [InlineData("pgp-prod-key-vault-abcdef")]
    [InlineData("https://pgp-prod.vault.azure.net/")]
    public void AVaultNameKeyVaultDoesNotAllowIsRefusedBeforeAnyRequest(string name)
    {
        var e = Assert.Throws<ArgumentException>(() => Store(name));

        Assert.Equal("vaultName", e.ParamName);
        Assert.Contains(string.IsNullOrWhiteSpace(name) ? "the Key Vault name is missing" : $"'{name}' is not a Key Vault name", e.Message, StringComparison.Ordinal);
        Assert.Empty(_vault.Signed);
    }

    [Fact]
    public void AValidVaultNameGivesTheVaultsUrl()
    {
        Assert.Equal(new Uri("https://pgp-prod-kv.vault.azure.net/"), KeyVaultSecretStore.VaultUri("pgp-prod-kv"));
        Assert.Equal(new Uri("https://abc.vault.azure.net/"), KeyVaultSecretStore.VaultUri("ABC"));
    }
}
