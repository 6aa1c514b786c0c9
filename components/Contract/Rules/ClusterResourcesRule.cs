using PgPlatform.Components.Tiers;
using PgPlatform.Components.Vocabulary;

namespace PgPlatform.Components.Contract.Rules;

/// <summary>PGP008: Clusters request CPU and memory; production Clusters also limit memory.</summary>
public sealed class ClusterResourcesRule : ContractRule
{
    /// <inheritdoc />
    public override string Id => "PGP008";

    /// <inheritdoc />
    public override string Title => "Clusters request CPU and memory; production limits memory";

    /// <inheritdoc />
    public override CelValidation? Cel { get; } = new(
        "has(object.spec.resources) && has(object.spec.resources.requests) && 'cpu' in object.spec.resources.requests && 'memory' in object.spec.resources.requests"
        + $" && (!({CelTierIs("production")}) || (has(object.spec.resources.limits) && 'memory' in object.spec.resources.limits))",
        "PGP008: spec.resources.requests needs cpu and memory, and production needs spec.resources.limits.memory",
        [AdmissionResource.Cluster]);

    /// <inheritdoc />
    public override IEnumerable<Violation> CheckObject(Manifest manifest, TierProfile? tier) =>
        manifest.Is(CnpgApi.Group, CnpgApi.ClusterKind)
            ? ResourceChecks.Check(this, manifest, JsonPath.Get(manifest.Element, "spec.resources"), "spec.resources", tier)
            : [];
}
