using PgPlatform.Components.Contract;
using PgPlatform.Components.Contract.Enforcement;
using PgPlatform.Components.Contract.Rules;
using PgPlatform.Components.Serialization;
using PgPlatform.Components.Tiers;

namespace PgPlatform.Components.Tests.Contract;

public sealed class ContractCorpusTests
{
    public static TheoryData<ContractCase> Cases => new(ContractCorpus.Cases());

    [Theory]
    [MemberData(nameof(Cases))]
    public void EachCaseGetsItsVerdict(ContractCase @case)
    {
        var rule = ContractRules.All.Single(r => r.Id == @case.RuleId);
        var violations = ContractChecker.Check(@case.Manifests(), rules: [rule]);
        if (@case.Passes)
        {
            Assert.True(violations.Count == 0, string.Join("\n", violations));
        }
        else
        {
            Assert.NotEmpty(violations);
            Assert.All(violations, v => Assert.False(string.IsNullOrWhiteSpace(v.Fix)));
        }
    }

    [Fact]
    public void EveryRuleHasAPassingAndAFailingCase()
    {
        var cases = ContractCorpus.Cases().ToList();
        foreach (var rule in ContractRules.All)
        {
            Assert.Contains(cases, c => c.RuleId == rule.Id && c.Passes);
            Assert.Contains(cases, c => c.RuleId == rule.Id && !c.Passes);
        }
    }

    [Fact]
    public void ThePlatformsOwnOutputPassesTheWholeContractInEveryTier()
    {
        foreach (var tier in TierProfiles.All)
        {
            foreach (var recovery in new[] { null, ContractCorpus.Recovery })
            {
                var manifests = ContractCorpus.Platform(tier, recovery).Select((o, i) => new Manifest(o, tier.Name, i)).ToList();
                var violations = ContractChecker.Check(manifests);
                Assert.True(violations.Count == 0, $"{tier.Name}, recovery {recovery is not null}: {string.Join("\n", violations)}");
            }
        }
    }

    [Fact]
    public void TheSeedArticlesClusterFailsInProduction()
    {
        var manifest = new Manifest(YamlReader.Read(ContractCorpus.SeedArticleCluster)!.AsObject(), "seed.yaml", 1);
        var violations = ContractChecker.Check([manifest], TierProfiles.Production);
        var rules = violations.Select(v => v.RuleId).ToHashSet();
        foreach (var expected in new[] { "PGP001", "PGP002", "PGP003", "PGP008", "PGP010", "PGP011", "PGP017" })
        {
            Assert.Contains(expected, rules);
        }

        Assert.Contains(violations, v => v.ToString().StartsWith("PGP001 Cluster/-/(unnamed) spec.instances: 1 is fewer than the 3", StringComparison.Ordinal));
    }

    [Fact]
    public void ViolationsNameRuleObjectFieldAndFix()
    {
        var @case = ContractCorpus.Cases().First(c => c.RuleId == "PGP011" && !c.Passes);
        var violation = ContractChecker.Check(@case.Manifests(), rules: [ContractRules.All.Single(r => r.Id == "PGP011")]).Single();
        Assert.Equal("PGP011 Cluster/shop-production/shop-db spec.storage.storageClass: not set, so the volume gets whatever the cluster's default class is (reclaim policy, zone binding and speed unknown). Fix: set spec.storage.storageClass, e.g. pgp-production", violation.ToString());
    }

    [Fact]
    public void AnUnproducedSecretOfAWorkloadIsFixedWithTheActiveLoginAndOneOfAClusterWithTheOperatorsSecret()
    {
        Violation Fix(string title) => ContractChecker.Check(
            ContractCorpus.Cases().Single(c => c.RuleId == "PGP016" && c.Description == title).Manifests(),
            rules: [ContractRules.All.Single(r => r.Id == "PGP016")]).Single();

        var workload = Fix("a Secret nothing produces");
        Assert.Contains("mount the active login's Secret <cluster>-login", workload.Fix, StringComparison.Ordinal);
        Assert.DoesNotContain("use the operator's <cluster>-app", workload.Fix, StringComparison.Ordinal);
        Assert.Contains("leave the field out so the operator generates <cluster>-app", Fix("a bootstrap Secret nothing produces").Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void RuleIdsAreUniqueAndOrdered()
    {
        var ids = ContractRules.All.Select(r => r.Id).ToList();
        Assert.Equal(ids.Distinct().Order(StringComparer.Ordinal), ids);
    }
}
