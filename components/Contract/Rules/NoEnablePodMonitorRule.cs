using PgPlatform.Components.Tiers;
using PgPlatform.Components.Vocabulary;

namespace PgPlatform.Components.Contract.Rules;

/// <summary>PGP007: <c>spec.monitoring.enablePodMonitor</c> is deprecated; an explicit PodMonitor is used instead.</summary>
public sealed class NoEnablePodMonitorRule : ContractRule
{
    /// <inheritdoc />
    public override string Id => "PGP007";

    /// <inheritdoc />
    public override string Title => "spec.monitoring.enablePodMonitor is deprecated";

    /// <inheritdoc />
    public override CelValidation? Cel { get; } = new(
        "!has(object.spec.monitoring) || !has(object.spec.monitoring.enablePodMonitor) || object.spec.monitoring.enablePodMonitor == false",
        "PGP007: spec.monitoring.enablePodMonitor is deprecated; declare a PodMonitor instead",
        [AdmissionResource.Cluster]);

    /// <inheritdoc />
    public override IEnumerable<Violation> CheckObject(Manifest manifest, TierProfile? tier)
    {
        if (manifest.Is(CnpgApi.Group, CnpgApi.ClusterKind) && JsonPath.IsTrue(manifest.Element, "spec.monitoring.enablePodMonitor"))
        {
            yield return Violation(manifest, "spec.monitoring.enablePodMonitor", "is deprecated in CNPG", $"remove it and declare a {MonitoringApi.ApiVersion} {MonitoringApi.PodMonitorKind} selecting {CnpgApi.ClusterLabel}");
        }
    }
}
