using PgPlatform.Components.Tiers;
using PgPlatform.Components.Vocabulary;

namespace PgPlatform.Components.Contract.Rules;

/// <summary>PGP001: production Clusters run at least three instances, staging at least two.</summary>
public sealed class ClusterInstancesRule : ContractRule
{
    /// <inheritdoc />
    public override string Id => "PGP001";

    /// <inheritdoc />
    public override string Title => "Production Clusters have at least 3 instances, staging at least 2";

    /// <inheritdoc />
    public override IReadOnlySet<Tier>? Tiers { get; } = new HashSet<Tier> { Tier.Production, Tier.Staging };

    /// <inheritdoc />
    public override CelValidation? Cel { get; } = new(
        $"(!({CelTierIs("production")}) || (has(object.spec.instances) && object.spec.instances >= 3)) && (!({CelTierIs("staging")}) || (has(object.spec.instances) && object.spec.instances >= 2))",
        "PGP001: production Clusters need spec.instances >= 3, staging >= 2",
        [AdmissionResource.Cluster]);

    /// <inheritdoc />
    public override IEnumerable<Violation> CheckObject(Manifest manifest, TierProfile? tier)
    {
        if (!manifest.Is(CnpgApi.Group, CnpgApi.ClusterKind) || tier is null)
        {
            yield break;
        }

        var instances = JsonPath.Integer(manifest.Element, "spec.instances");
        if (instances is null || instances < tier.MinInstances)
        {
            yield return Violation(manifest, "spec.instances",
                $"{(instances is null ? "not set (CNPG then runs 1)" : $"{instances}")} is fewer than the {tier.MinInstances} instances the {tier.Name} tier requires",
                $"set spec.instances to {tier.MinInstances} or more");
        }
    }
}
