using PgPlatform.Components.Tiers;
using PgPlatform.Components.Vocabulary;

namespace PgPlatform.Components.Contract.Rules;

/// <summary>PGP013: ExternalSecrets use external-secrets.io/v1; v1beta1 is no longer served by ESO 2.x.</summary>
public sealed class ExternalSecretsV1Rule : ContractRule
{
    /// <inheritdoc />
    public override string Id => "PGP013";

    /// <inheritdoc />
    public override string Title => $"ExternalSecrets and secret stores use {ExternalSecretsApi.ApiVersion}";

    /// <inheritdoc />
    public override IEnumerable<Violation> CheckObject(Manifest manifest, TierProfile? tier)
    {
        if (manifest.Group == ExternalSecretsApi.Group && manifest.ApiVersion != ExternalSecretsApi.ApiVersion)
        {
            yield return Violation(manifest, "apiVersion", $"{manifest.ApiVersion} is not served by External Secrets 2.x, so the API server rejects it",
                $"use apiVersion: {ExternalSecretsApi.ApiVersion} (the fields are the same for ExternalSecret and (Cluster)SecretStore)");
        }
    }
}
