using PgPlatform.Components.Tiers;
using PgPlatform.Components.Vocabulary;

namespace PgPlatform.Components.Contract.Rules;

/// <summary>PGP004: the in-tree <c>barmanObjectStore</c> (deprecated since CNPG 1.26, removed in 1.31) is not used.</summary>
public sealed class NoInTreeBarmanRule : ContractRule
{
    /// <inheritdoc />
    public override string Id => "PGP004";

    /// <inheritdoc />
    public override string Title => "No in-tree barmanObjectStore (deprecated in CNPG 1.26, removed in 1.31)";

    /// <inheritdoc />
    public override CelValidation? Cel { get; } = new(
        "(!has(object.spec.backup) || !has(object.spec.backup.barmanObjectStore)) && (!has(object.spec.externalClusters) || object.spec.externalClusters.all(e, !has(e.barmanObjectStore)))",
        "PGP004: spec.backup.barmanObjectStore and externalClusters[].barmanObjectStore are removed in CNPG 1.31; use the Barman Cloud plugin",
        [AdmissionResource.Cluster]);

    /// <inheritdoc />
    public override IEnumerable<Violation> CheckObject(Manifest manifest, TierProfile? tier)
    {
        if (!manifest.Is(CnpgApi.Group, CnpgApi.ClusterKind))
        {
            yield break;
        }

        const string Fix = $"move the configuration to a {BarmanCloudApi.ApiVersion} {BarmanCloudApi.ObjectStoreKind} and reference it from spec.plugins (or externalClusters[].plugin)";
        if (JsonPath.Get(manifest.Element, "spec.backup.barmanObjectStore") is not null)
        {
            yield return Violation(manifest, "spec.backup.barmanObjectStore", "the in-tree Barman object store is deprecated since CNPG 1.26 and removed in 1.31", Fix);
        }

        foreach (var (index, external) in JsonPath.Objects(manifest.Element, "spec.externalClusters"))
        {
            if (JsonPath.Get(external, "barmanObjectStore") is not null)
            {
                yield return Violation(manifest, $"spec.externalClusters[{index}].barmanObjectStore", "the in-tree Barman object store is deprecated since CNPG 1.26 and removed in 1.31", Fix);
            }
        }
    }
}
