using System.Text.Json;
using PgPlatform.Components.Tiers;
using PgPlatform.Components.Vocabulary;

namespace PgPlatform.Components.Contract.Rules;

/// <summary>PGP001: Clusters run at least their tier's <see cref="TierProfile.MinInstances"/> (production 3, staging 2).</summary>
public sealed class ClusterInstancesRule : ContractRule
{
    /// <summary>The tiers with a minimum above the one instance CNPG runs when <c>spec.instances</c> is unset.</summary>
    private static readonly IReadOnlyList<TierProfile> Bound = TiersWhere(t => t.MinInstances > 1);

    /// <inheritdoc />
    public override string Id => "PGP001";

    /// <inheritdoc />
    public override string Title { get; } =
        $"{Capitalized(Bound[0].Name)} Clusters have at least {Bound[0].MinInstances} instances{string.Concat(Bound.Skip(1).Select(t => $", {t.Name} at least {t.MinInstances}"))}";

    /// <inheritdoc />
    public override IReadOnlySet<Tier>? Tiers { get; } = SetOf(Bound);

    /// <inheritdoc />
    public override CelValidation? Cel { get; } = new(
        string.Join(" && ", Bound.Select(t => $"(!({CelTierIs([t])}) || (has(object.spec.instances) && object.spec.instances >= {t.MinInstances}))")),
        $"PGP001: {Bound[0].Name} Clusters need spec.instances >= {Bound[0].MinInstances}{string.Concat(Bound.Skip(1).Select(t => $", {t.Name} >= {t.MinInstances}"))}",
        [AdmissionResource.Cluster]);

    /// <inheritdoc />
    public override IEnumerable<Violation> CheckObject(Manifest manifest, TierProfile? tier)
    {
        if (!manifest.Is(CnpgApi.Group, CnpgApi.ClusterKind) || tier is null)
        {
            yield break;
        }

        var instances = JsonPath.Integer(manifest.Element, "spec.instances");
        if (instances is null && JsonPath.Get(manifest.Element, "spec.instances") is { ValueKind: not JsonValueKind.Null } value)
        {
            // Set, but not to a number (e.g. "3" quoted): the Cluster CRD's integer type refuses it.
            yield return Violation(manifest, "spec.instances",
                $"{value.GetRawText()} is a {value.ValueKind.ToString().ToLowerInvariant()} where a whole number is needed",
                $"write a number without quotes, at least {tier.MinInstances}, e.g. 'instances: {tier.MinInstances}'");
        }
        else if (instances is null || instances < tier.MinInstances)
        {
            yield return Violation(manifest, "spec.instances",
                $"{(instances is null ? "not set (CNPG then runs 1)" : $"{instances}")} is fewer than the {tier.MinInstances} instances the {tier.Name} tier requires",
                $"set spec.instances to {tier.MinInstances} or more");
        }
    }
}
