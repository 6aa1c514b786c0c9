using PgPlatform.Components.Tiers;
using PgPlatform.Components.Vocabulary;

namespace PgPlatform.Components.Contract.Rules;

/// <summary>PGP003: every Cluster has a ScheduledBackup, taken by the Barman Cloud plugin.</summary>
public sealed class ScheduledBackupRule : ContractRule
{
    /// <summary>The Cluster a ScheduledBackup targets.</summary>
    private static readonly ManifestKey TargetCluster = ManifestKey.Single("spec.cluster.name", b => JsonPath.String(b.Element, "spec.cluster.name"));

    /// <inheritdoc />
    public override string Id => "PGP003";

    /// <inheritdoc />
    public override string Title => "A ScheduledBackup with method plugin targets every Cluster";

    /// <inheritdoc />
    public override CelValidation? Cel { get; } = new(
        $"has(object.spec.method) && object.spec.method == '{BarmanCloudApi.PluginMethod}' && has(object.spec.pluginConfiguration) && object.spec.pluginConfiguration.name == '{BarmanCloudApi.PluginName}'",
        $"PGP003: ScheduledBackups use method: {BarmanCloudApi.PluginMethod} with pluginConfiguration.name {BarmanCloudApi.PluginName}",
        [AdmissionResource.ScheduledBackup]);

    /// <inheritdoc />
    public override IEnumerable<Violation> CheckObject(Manifest manifest, TierProfile? tier)
    {
        if (manifest.Is(CnpgApi.Group, CnpgApi.ScheduledBackupKind)
            && (JsonPath.String(manifest.Element, "spec.method") != BarmanCloudApi.PluginMethod || JsonPath.String(manifest.Element, "spec.pluginConfiguration.name") != BarmanCloudApi.PluginName))
        {
            yield return Violation(manifest, "spec.method",
                $"method is '{JsonPath.String(manifest.Element, "spec.method") ?? "barmanObjectStore (default)"}' with plugin '{JsonPath.String(manifest.Element, "spec.pluginConfiguration.name") ?? "none"}'; backups must go through the Barman Cloud plugin",
                $"set spec.method: {BarmanCloudApi.PluginMethod} and spec.pluginConfiguration.name: {BarmanCloudApi.PluginName}");
        }
    }

    /// <inheritdoc />
    public override IEnumerable<Violation> CheckAcross(Manifest manifest, ManifestSet all, TierProfile? tier)
    {
        if (manifest.Is(CnpgApi.Group, CnpgApi.ClusterKind)
            && !all.Find(manifest, CnpgApi.Group, CnpgApi.ScheduledBackupKind, TargetCluster, manifest.Name).Any())
        {
            yield return Violation(manifest, "metadata.name", "no ScheduledBackup targets this Cluster, so no base backups are taken",
                $"add a {CnpgApi.ApiVersion} {CnpgApi.ScheduledBackupKind} with spec.cluster.name: {manifest.Name}, method: {BarmanCloudApi.PluginMethod}");
        }
    }
}
