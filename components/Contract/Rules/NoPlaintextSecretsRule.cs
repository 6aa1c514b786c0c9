using PgPlatform.Components.Tiers;
using PgPlatform.Components.Vocabulary;

namespace PgPlatform.Components.Contract.Rules;

/// <summary>PGP012: no Secret manifest carries values; secrets come from ExternalSecrets.</summary>
public sealed class NoPlaintextSecretsRule : ContractRule
{
    /// <inheritdoc />
    public override string Id => "PGP012";

    /// <inheritdoc />
    public override string Title => "No plaintext Secret manifests (data or stringData)";

    /// <inheritdoc />
    public override CelValidation? Cel { get; } = new(
        "(!has(object.data) || size(object.data) == 0) && (!has(object.stringData) || size(object.stringData) == 0)",
        $"PGP012: Secrets with data or stringData are not allowed; declare an {ExternalSecretsApi.ApiVersion} {ExternalSecretsApi.ExternalSecretKind}",
        [AdmissionResource.Secret])
    {
        // The operators write Secrets themselves (CNPG's certificates and app credentials, ESO's synced secrets).
        MatchCondition = CelText.NotAnOperatorRequest,
    };

    /// <inheritdoc />
    public override IEnumerable<Violation> CheckObject(Manifest manifest, TierProfile? tier)
    {
        if (!manifest.Is("", "Secret"))
        {
            yield break;
        }

        foreach (var field in new[] { "data", "stringData" })
        {
            if (manifest.Element.TryGetProperty(field, out var value) && value.ValueKind == System.Text.Json.JsonValueKind.Object && value.EnumerateObject().Any())
            {
                yield return Violation(manifest, field, "a Secret with values in a manifest puts the secret in Git", $"store the value in Key Vault and declare an {ExternalSecretsApi.ApiVersion} {ExternalSecretsApi.ExternalSecretKind} that produces this Secret");
            }
        }
    }
}
