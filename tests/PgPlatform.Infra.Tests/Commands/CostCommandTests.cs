using PgPlatform.Infra.CommandLine;

namespace PgPlatform.Infra.Tests.Commands;

/// <summary><c>cost</c> on the repository's stacks: numbers from what they declare (Pulumi.prod.yaml, Pulumi.dev.yaml).</summary>
public sealed class CostCommandTests
{
    [Fact]
    public async Task ProdCostsThreeInstancesPerDatabaseBackupsInTheWindowAndTwoDrillsAWeek()
    {
        var result = await InfraRunner.RunAsync("cost --stack prod");

        Assert.Equal(ExitCode.Success, result.ExitCode);
        Assert.StartsWith("cost of stack prod (2 database(s), drills of 45 min each)\n", result.Out, StringComparison.Ordinal);
        // Two databases of three instances of 1 CPU and 2 GiB; linkding keeps 30 days of daily 20 GiB base backups (31),
        // wikijs 14 (15); each drilled every 3.5 days (half of 7) for 45 min: 1.5 h a week.
        Assert.Contains("| tier | production | 2 | 6 | 12 | 135 | 920 | 3 |\n", result.Out, StringComparison.Ordinal);
        Assert.Contains("| team | bookmarks | 1 | 3 | 6 | 75 | 620 | 1.5 |\n", result.Out, StringComparison.Ordinal);
        Assert.Contains("| team | knowledge | 1 | 3 | 6 | 60 | 300 | 1.5 |\n", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALongerDrillCostsProportionallyMoreDrillHoursAndAnUnknownStackFails()
    {
        var dev = await InfraRunner.RunAsync("cost --stack dev --drill-duration 90m");
        var missing = await InfraRunner.RunAsync("cost --stack nope");

        Assert.Contains("| tier | development | 2 | 0.5 | 1 | 10 | 40 | 1.4 |\n", dev.Out, StringComparison.Ordinal);
        Assert.Equal(ExitCode.Failed, missing.ExitCode);
        Assert.StartsWith("error: stack 'nope' has no stack file Pulumi.nope.yaml", missing.Error, StringComparison.Ordinal);
    }
}
