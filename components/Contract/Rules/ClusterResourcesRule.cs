using PgPlatform.Components.Tiers;
using PgPlatform.Components.Vocabulary;

namespace PgPlatform.Components.Contract.Rules;

/// <summary>PGP008: Clusters request CPU and memory; in tiers that <see cref="TierProfile.RequireMemoryLimit"/> (production) they also limit memory.</summary>
public sealed class ClusterResourcesRule : ContractRule
{
    private static readonly IReadOnlyList<TierProfile> Limited = TiersWhere(t => t.RequireMemoryLimit);

    /// <inheritdoc />
    public override string Id => "PGP008";

    /// <inheritdoc />
    public override string Title { get; } = $"Clusters request CPU and memory; {NamesOf(Limited)} limits memory";

    /// <inheritdoc />
    public override CelValidation? Cel { get; } = new(
        "has(object.spec.resources) && has(object.spec.resources.requests) && 'cpu' in object.spec.resources.requests && 'memory' in object.spec.resources.requests"
        + $" && (!({CelTierIs(Limited)}) || (has(object.spec.resources.limits) && 'memory' in object.spec.resources.limits))",
        $"PGP008: spec.resources.requests needs cpu and memory, and {NamesOf(Limited)} needs spec.resources.limits.memory",
        [AdmissionResource.Cluster]);

    /// <inheritdoc />
    public override IEnumerable<Violation> CheckObject(Manifest manifest, TierProfile? tier) =>
        manifest.Is(CnpgApi.Group, CnpgApi.ClusterKind)
            ? ResourceChecks.Check(this, manifest, JsonPath.Get(manifest.Element, "spec.resources"), "spec.resources", tier)
            : [];
}
