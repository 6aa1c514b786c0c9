using PgPlatform.Components.Tiers;

namespace PgPlatform.Components.Contract.Rules;

/// <summary>PGP009: application containers request CPU and memory; in tiers that <see cref="TierProfile.RequireMemoryLimit"/> (production) they also limit memory.</summary>
public sealed class WorkloadResourcesRule : ContractRule
{
    private static readonly IReadOnlyList<TierProfile> Limited = TiersWhere(t => t.RequireMemoryLimit);

    /// <inheritdoc />
    public override string Id => "PGP009";

    /// <inheritdoc />
    public override string Title { get; } = $"Workload containers request CPU and memory; {NamesOf(Limited)} limits memory";

    /// <inheritdoc />
    public override CelValidation? Cel { get; } = new(
        "object.spec.template.spec.containers.all(c, has(c.resources) && has(c.resources.requests) && 'cpu' in c.resources.requests && 'memory' in c.resources.requests"
        + $" && (!({CelTierIs(Limited)}) || (has(c.resources.limits) && 'memory' in c.resources.limits)))",
        $"PGP009: every container needs resources.requests cpu and memory, and in {NamesOf(Limited)} resources.limits.memory",
        AdmissionResource.Workloads);

    /// <inheritdoc />
    public override IEnumerable<Violation> CheckObject(Manifest manifest, TierProfile? tier)
    {
        if (Kinds.PodSpec(manifest) is not { } pod)
        {
            return [];
        }

        return JsonPath.Objects(pod.Spec, "containers")
            .SelectMany(c => ResourceChecks.Check(this, manifest, JsonPath.Get(c.Item, "resources"), $"{pod.Path}.containers[{c.Index}].resources", tier));
    }
}
