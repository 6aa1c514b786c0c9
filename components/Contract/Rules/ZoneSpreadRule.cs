using PgPlatform.Components.Tiers;
using PgPlatform.Components.Vocabulary;

namespace PgPlatform.Components.Contract.Rules;

/// <summary>PGP017: in tiers that <see cref="TierProfile.RequireZoneSpread"/> (production), instances are spread across zones.</summary>
public sealed class ZoneSpreadRule : ContractRule
{
    private static readonly IReadOnlyList<TierProfile> Spread = TiersWhere(t => t.RequireZoneSpread);

    private const string ZoneKey = "topology.kubernetes.io/zone";

    /// <inheritdoc />
    public override string Id => "PGP017";

    /// <inheritdoc />
    public override string Title { get; } = $"{Capitalized(NamesOf(Spread))} Clusters spread instances across zones";

    /// <inheritdoc />
    public override IReadOnlySet<Tier>? Tiers { get; } = SetOf(Spread);

    /// <inheritdoc />
    public override CelValidation? Cel { get; } = new(
        $"!({CelTierIs(Spread)}) || (has(object.spec.topologySpreadConstraints) && object.spec.topologySpreadConstraints.exists(t, t.topologyKey == '{ZoneKey}' && t.whenUnsatisfiable == 'DoNotSchedule'))"
        + $" || (has(object.spec.affinity) && has(object.spec.affinity.podAntiAffinityType) && object.spec.affinity.podAntiAffinityType == 'required' && has(object.spec.affinity.topologyKey) && object.spec.affinity.topologyKey == '{ZoneKey}')",
        $"PGP017: {NamesOf(Spread)} Clusters need a DoNotSchedule topologySpreadConstraint on {ZoneKey}, or required anti-affinity on it",
        [AdmissionResource.Cluster]);

    /// <inheritdoc />
    public override IEnumerable<Violation> CheckObject(Manifest manifest, TierProfile? tier)
    {
        if (!manifest.Is(CnpgApi.Group, CnpgApi.ClusterKind) || tier is not { RequireZoneSpread: true })
        {
            yield break;
        }

        var spread = JsonPath.Objects(manifest.Element, "spec.topologySpreadConstraints")
            .Any(t => JsonPath.String(t.Item, "topologyKey") == ZoneKey && JsonPath.String(t.Item, "whenUnsatisfiable") == "DoNotSchedule");
        var antiAffinity = JsonPath.String(manifest.Element, "spec.affinity.podAntiAffinityType") == "required"
            && JsonPath.String(manifest.Element, "spec.affinity.topologyKey") == ZoneKey;
        if (!spread && !antiAffinity)
        {
            yield return Violation(manifest, "spec.topologySpreadConstraints", $"{tier.Name} instances are not forced into different zones, so one zone outage can take every instance",
                $"add {{maxSkew: 1, topologyKey: {ZoneKey}, whenUnsatisfiable: DoNotSchedule, labelSelector: {{matchLabels: {{{CnpgApi.ClusterLabel}: {manifest.Name}}}}}}} to spec.topologySpreadConstraints");
        }
    }
}
