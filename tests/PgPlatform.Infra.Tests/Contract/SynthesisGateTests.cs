using PgPlatform.Components.Contract;
using PgPlatform.Components.Tiers;
using PgPlatform.Infra.Platform;
using PgPlatform.Components.Settings;
using PgPlatform.Components.Declaration;

namespace PgPlatform.Infra.Tests.Contract;

public sealed class SynthesisGateTests
{
    [Fact]
    public void ADeclarationThatBreaksTheContractIsNotSynthesized()
    {
        // An application that keeps talking to a database outside the platform: the -rw rule catches it.
        var legacy = ApplicationCatalog.WikiJs with
        {
            Workload = ApplicationCatalog.WikiJs.Workload with
            {
                Environment = new Dictionary<string, string> { ["DB_TYPE"] = "postgres", ["LEGACY_PG_HOST"] = "old-postgres.example.com" },
            },
        };
        var settings = SyntheticStacks.Settings("prod", TierProfiles.Production, ["wikijs"]);
        var e = Assert.Throws<ContractViolationException>(() => StackSynthesis.Model(settings, [legacy]));
        var violation = Assert.Single(e.Violations);
        Assert.Equal("PGP014", violation.RuleId);
        Assert.Contains("LEGACY_PG_HOST=old-postgres.example.com matches no Cluster's -rw service", violation.ToString());
    }
}
