using System.Text.Json.Nodes;
using PgPlatform.Components.Contract;
using PgPlatform.Components.Contract.Enforcement;
using PgPlatform.Components.Contract.Rules;
using PgPlatform.Components.Tiers;
using PgPlatform.Testing.Cel;

namespace PgPlatform.Components.Tests.Contract;

/// <summary>
/// The tier-specific rules enforce each tier's profile, in C# and in CEL alike: a Cluster the components declare for a
/// tier is changed to just below or just at what the profile requires, and both forms of the rule give the same verdict.
/// </summary>
public sealed class TierRequirementTests
{
    public static TheoryData<string> Tiers => new(TierProfiles.All.Select(t => t.Name));

    [Theory]
    [MemberData(nameof(Tiers))]
    public void Pgp001DeniesFewerInstancesThanTheTiersMinimumAndAllowsTheMinimum(string name)
    {
        var tier = TierProfiles.Parse(name, "test");

        Assert.True(Allowed("PGP001", tier, c => c["spec"]!["instances"] = tier.MinInstances));
        if (tier.MinInstances > 1)
        {
            Assert.False(Allowed("PGP001", tier, c => c["spec"]!["instances"] = tier.MinInstances - 1));
        }
    }

    [Theory]
    [MemberData(nameof(Tiers))]
    public void Pgp017DeniesAClusterWithoutZoneSpreadExactlyWhereTheTierRequiresIt(string name)
    {
        var tier = TierProfiles.Parse(name, "test");

        var allowed = Allowed("PGP017", tier, c =>
        {
            c["spec"]!.AsObject().Remove("topologySpreadConstraints");
            c["spec"]!["affinity"]!["podAntiAffinityType"] = "preferred";
        });

        Assert.Equal(!tier.RequireZoneSpread, allowed);
    }

    [Theory]
    [MemberData(nameof(Tiers))]
    public void Pgp019DeniesAsynchronousReplicationExactlyWhereTheTierRequiresDurability(string name)
    {
        var tier = TierProfiles.Parse(name, "test");

        var allowed = Allowed("PGP019", tier, c => c["spec"]!["postgresql"]!.AsObject().Remove("synchronous"));

        Assert.Equal(tier.Replication.DataDurability != "required", allowed);
    }

    [Theory]
    [MemberData(nameof(Tiers))]
    public void Pgp008DeniesAClusterWithoutAMemoryLimitExactlyWhereTheTierRequiresOne(string name)
    {
        var tier = TierProfiles.Parse(name, "test");

        var allowed = Allowed("PGP008", tier, c => c["spec"]!["resources"]!.AsObject().Remove("limits"));

        Assert.Equal(!tier.RequireMemoryLimit, allowed);
    }

    /// <summary>The verdict on the changed Cluster, after asserting that C# and CEL agree on it.</summary>
    private static bool Allowed(string ruleId, TierProfile tier, Action<JsonObject> change)
    {
        var rule = ContractRules.All.Single(r => r.Id == ruleId);
        var tree = ContractCorpus.Platform(tier);
        change(ContractCorpus.Kind(tree, "Cluster"));
        var cluster = new Manifest(ContractCorpus.Kind(tree, "Cluster"), tier.Name, 1);

        var allowedByCSharp = !ContractChecker.Check([cluster], rules: [rule]).Any();
        var cel = CelEvaluator.Shared.EvaluateValidation(rule.Cel!.Expression, cluster.Object);

        Assert.True(cel.Succeeded, $"{ruleId} in {tier.Name}: {cel}");
        Assert.True(allowedByCSharp == cel.IsTrue, $"{ruleId} in {tier.Name}: C# {(allowedByCSharp ? "allows" : "denies")}, CEL {cel}");
        return allowedByCSharp;
    }
}
