using PgPlatform.Components.Tiers;
using PgPlatform.Components.Vocabulary;

namespace PgPlatform.Components.Contract;

/// <summary>
/// One rule of the contract. The C# <see cref="Check"/> runs at synthesis and in <c>check</c>; rules about a
/// single object also carry a <see cref="Cel"/> validation rendered into a ValidatingAdmissionPolicy. Rules
/// that need other objects (a ScheduledBackup for a Cluster, a Secret's producer) run in CI only.
/// </summary>
public abstract class ContractRule
{
    /// <summary>Stable id, e.g. <c>PGP001</c>.</summary>
    public abstract string Id { get; }

    /// <summary>One-line title.</summary>
    public abstract string Title { get; }

    /// <summary>Tiers the rule applies to; null means every tier (and objects without a tier).</summary>
    public virtual IReadOnlySet<Tier>? Tiers => null;

    /// <summary>The admission form of the rule, or null when the rule needs other objects (CI-only).</summary>
    public virtual CelValidation? Cel => null;

    /// <summary>True when part of the rule looks at other objects, and so is enforced in CI and at synthesis only.</summary>
    public bool NeedsOtherObjects => GetType().GetMethod(nameof(CheckAcross))!.DeclaringType != typeof(ContractRule);

    /// <summary>Where the rule is enforced: <c>admission</c>, <c>admission+ci</c> (a cross-object part) or <c>ci-only</c>.</summary>
    public string Enforcement => Cel is null ? "ci-only" : NeedsOtherObjects ? "admission+ci" : "admission";

    /// <summary>Whether the rule applies to an object of <paramref name="tier"/> (null: unknown tier).</summary>
    public bool AppliesTo(TierProfile? tier) => Tiers is null || tier is not null && Tiers.Contains(tier.Tier);

    /// <summary>The violations of <paramref name="manifest"/>, read together with every other object in <paramref name="all"/>.</summary>
    public IEnumerable<Violation> Check(Manifest manifest, ManifestSet all, TierProfile? tier) =>
        CheckObject(manifest, tier).Concat(CheckAcross(manifest, all, tier));

    /// <summary>What can be decided from the object alone: exactly what <see cref="Cel"/> decides in the cluster.</summary>
    public virtual IEnumerable<Violation> CheckObject(Manifest manifest, TierProfile? tier) => [];

    /// <summary>What needs the other objects of the tree (CI and synthesis only).</summary>
    public virtual IEnumerable<Violation> CheckAcross(Manifest manifest, ManifestSet all, TierProfile? tier) => [];

    /// <summary>A violation of this rule.</summary>
    protected internal Violation Violation(Manifest manifest, string field, string message, string fix) => new(Id, Title, manifest, field, message, fix);

    /// <summary>The tiers whose profile has <paramref name="requirement"/>, in <see cref="TierProfiles.All"/> order: rules take their tiers from the profiles.</summary>
    protected static IReadOnlyList<TierProfile> TiersWhere(Func<TierProfile, bool> requirement) => [.. TierProfiles.All.Where(requirement)];

    /// <summary>The set of <paramref name="tiers"/>, as <see cref="Tiers"/> holds it.</summary>
    protected static IReadOnlySet<Tier> SetOf(IEnumerable<TierProfile> tiers) => tiers.Select(t => t.Tier).ToHashSet();

    /// <summary>The tier names for titles and messages: <c>production</c>, <c>production and staging</c>.</summary>
    protected static string NamesOf(IReadOnlyList<TierProfile> tiers) =>
        tiers.Count < 2 ? string.Join("", tiers.Select(t => t.Name)) : $"{string.Join(", ", tiers.SkipLast(1).Select(t => t.Name))} and {tiers[^1].Name}";

    /// <summary><paramref name="text"/> with its first letter in upper case, to start a title.</summary>
    protected static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>The CEL guard "labels exist and the tier label is one of <paramref name="tiers"/>".</summary>
    protected static string CelTierIs(IEnumerable<TierProfile> tiers) =>
        $"has(object.metadata) && has(object.metadata.labels) && '{PlatformLabels.Tier}' in object.metadata.labels && object.metadata.labels['{PlatformLabels.Tier}'] in [{string.Join(", ", tiers.Select(t => $"'{t.Name}'"))}]";
}
