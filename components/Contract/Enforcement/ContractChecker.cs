using PgPlatform.Components.Contract.Rules;
using PgPlatform.Components.Tiers;
using PgPlatform.Components.Vocabulary;

namespace PgPlatform.Components.Contract.Enforcement;

/// <summary>Evaluates the rule set over a set of manifests.</summary>
public static class ContractChecker
{
    /// <summary>
    /// Every violation, in manifest order then rule id. An object's tier comes from its
    /// <c>pg-platform.io/tier</c> label, else <paramref name="defaultTier"/>; tier-specific rules skip objects of unknown tier.
    /// </summary>
    public static IReadOnlyList<Violation> Check(IReadOnlyList<Manifest> manifests, TierProfile? defaultTier = null, IReadOnlyList<ContractRule>? rules = null) =>
        Check(new ManifestSet(manifests), defaultTier, rules);

    /// <summary>Every violation of the objects of <paramref name="set"/> (indexed once for the whole run), as <see cref="Check(IReadOnlyList{Manifest}, TierProfile?, IReadOnlyList{ContractRule}?)"/>.</summary>
    public static IReadOnlyList<Violation> Check(ManifestSet set, TierProfile? defaultTier = null, IReadOnlyList<ContractRule>? rules = null)
    {
        rules ??= ContractRules.All;
        var violations = new List<Violation>();
        foreach (var manifest in set.All)
        {
            var tier = TierOf(manifest) ?? defaultTier;
            foreach (var rule in rules)
            {
                if (rule.AppliesTo(tier))
                {
                    violations.AddRange(rule.Check(manifest, set, tier));
                }
            }
        }

        return violations;
    }

    /// <summary>The tier named by the object's tier label, or null when it has none or an unknown one.</summary>
    public static TierProfile? TierOf(Manifest manifest) =>
        manifest.Label(PlatformLabels.Tier) is { } name ? TierProfiles.All.FirstOrDefault(t => t.Name == name) : null;
}
