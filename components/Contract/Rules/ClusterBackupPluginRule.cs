using PgPlatform.Components.Tiers;
using PgPlatform.Components.Vocabulary;

namespace PgPlatform.Components.Contract.Rules;

/// <summary>PGP002: a Cluster archives WAL through the Barman Cloud plugin to an ObjectStore that exists in the tree.</summary>
public sealed class ClusterBackupPluginRule : ContractRule
{
    /// <inheritdoc />
    public override string Id => "PGP002";

    /// <inheritdoc />
    public override string Title => "Clusters archive WAL through the Barman Cloud plugin to an ObjectStore of the tree";

    /// <inheritdoc />
    public override CelValidation? Cel { get; } = new(
        $"has(object.spec.plugins) && object.spec.plugins.exists(p, p.name == '{BarmanCloudApi.PluginName}' && has(p.isWALArchiver) && p.isWALArchiver == true && has(p.parameters) && '{BarmanCloudApi.ObjectNameParameter}' in p.parameters)",
        $"PGP002: spec.plugins needs a {BarmanCloudApi.PluginName} entry with isWALArchiver: true and parameters.{BarmanCloudApi.ObjectNameParameter}",
        [AdmissionResource.Cluster]);

    /// <inheritdoc />
    public override IEnumerable<Violation> CheckObject(Manifest manifest, TierProfile? tier)
    {
        if (manifest.Is(CnpgApi.Group, CnpgApi.ClusterKind) && Archiver(manifest) is null)
        {
            yield return Violation(manifest, "spec.plugins",
                $"no {BarmanCloudApi.PluginName} plugin entry with isWALArchiver: true and parameters.{BarmanCloudApi.ObjectNameParameter}, so WAL is not archived and the cluster cannot be restored",
                $"add {{name: {BarmanCloudApi.PluginName}, isWALArchiver: true, parameters: {{{BarmanCloudApi.ObjectNameParameter}: <ObjectStore>}}}} to spec.plugins");
        }
    }

    /// <inheritdoc />
    public override IEnumerable<Violation> CheckAcross(Manifest manifest, ManifestSet all, TierProfile? tier)
    {
        if (!manifest.Is(CnpgApi.Group, CnpgApi.ClusterKind) || Archiver(manifest) is not { } store)
        {
            yield break;
        }

        if (!all.Find(manifest, BarmanCloudApi.Group, BarmanCloudApi.ObjectStoreKind, ManifestKey.Name, store).Any())
        {
            yield return Violation(manifest, $"spec.plugins.parameters.{BarmanCloudApi.ObjectNameParameter}",
                $"names ObjectStore '{store}', which is not in the tree", $"add a {BarmanCloudApi.ApiVersion} {BarmanCloudApi.ObjectStoreKind} named '{store}' in the Cluster's namespace");
        }
    }

    private static string? Archiver(Manifest manifest) => JsonPath.Objects(manifest.Element, "spec.plugins")
        .Where(p => JsonPath.String(p.Item, "name") == BarmanCloudApi.PluginName && JsonPath.IsTrue(p.Item, "isWALArchiver"))
        .Select(p => JsonPath.String(p.Item, $"parameters.{BarmanCloudApi.ObjectNameParameter}"))
        .FirstOrDefault(n => n is not null);
}
