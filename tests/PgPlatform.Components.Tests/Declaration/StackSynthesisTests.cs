using PgPlatform.Components.Contract;
using PgPlatform.Components.Declaration;
using PgPlatform.Components.Settings;
using PgPlatform.Components.Tiers;

namespace PgPlatform.Components.Tests.Declaration;

public sealed class StackSynthesisTests
{
    [Fact]
    public void ADeclarationThatBreaksTheContractIsNotSynthesized()
    {
        // An application that keeps talking to a database outside the platform: the -rw rule catches it.
        var legacy = TestCatalog.Wiki with
        {
            Workload = TestCatalog.Wiki.Workload with
            {
                Environment = new Dictionary<string, string> { ["APP_MODE"] = "postgres", ["LEGACY_PG_HOST"] = "old-postgres.example.com" },
            },
        };
        var settings = SyntheticStacks.Settings("prod", TierProfiles.Production, ["wiki"]);
        var e = Assert.Throws<ContractViolationException>(() => StackSynthesis.Model(settings, [legacy]));
        var violation = Assert.Single(e.Violations);
        Assert.Equal("PGP014", violation.RuleId);
        Assert.Contains("LEGACY_PG_HOST=old-postgres.example.com matches no Cluster's -rw service", violation.ToString());
    }
}
