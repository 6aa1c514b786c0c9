using PgPlatform.Infra.CommandLine;
using PgPlatform.Stacks.Drills;

namespace PgPlatform.Stacks.Tests.Commands;

public sealed class DrillCommandTests
{
    [Fact]
    public async Task AnUnknownDrillIsAUsageError()
    {
        var result = await StacksRunner.RunAsync("drill --target local --drill failover,chaos");

        Assert.Equal((int)ExitCode.Usage, result.ExitCode);
        Assert.Contains("unknown drill(s): chaos", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFaultThatAffectsNoSelectedDrillIsRefusedBecauseItCouldOnlyPass()
    {
        var result = await StacksRunner.RunAsync("drill --drill rotation --fault wal-gap");

        Assert.Equal((int)ExitCode.Usage, result.ExitCode);
        Assert.Contains("fault wal-gap affects restore and backup", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADataSizeThatIsNotASizeIsAUsageError()
    {
        var result = await StacksRunner.RunAsync("drill --drill restore --app linkding --data-size lots");

        Assert.Equal((int)ExitCode.Usage, result.ExitCode);
        Assert.Contains("--data-size 'lots' is not a size: write e.g. 16MiB", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALocalDrillOfAnApplicationTheCatalogLacksFailsBeforeAnyTargetStarts()
    {
        var result = await StacksRunner.RunAsync("drill --drill restore --app nope");

        Assert.Equal((int)ExitCode.Failed, result.ExitCode);
        Assert.Contains("unknown application 'nope'", result.Error, StringComparison.Ordinal);
        Assert.Contains("linkding, wikijs", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("drill --target kubernetes")]
    [InlineData("drill --fault unplugged")]
    public async Task UnsupportedTargetsAndFaultsAreUsageErrors(string commandLine)
    {
        var result = await StacksRunner.RunAsync(commandLine);

        Assert.Equal((int)ExitCode.Usage, result.ExitCode);
        Assert.StartsWith("error: ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMissingPrerequisiteExits2NamingItAndTheInstallCommand()
    {
        var result = await StacksRunner.RunAsync("drill --drill rotation", new Dictionary<string, string> { ["PG_PLATFORM_PG_BIN"] = "/nonexistent/pg/bin" });

        Assert.Equal((int)ExitCode.TargetUnavailable, result.ExitCode);
        Assert.Contains("missing prerequisite: PostgreSQL 15 (/nonexistent/pg/bin/postgres)", result.Error, StringComparison.Ordinal);
        Assert.Contains("bash scripts/install-prereqs.sh", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void SelectionRunsDrillsInRunOrderAndKeepsTheFault()
    {
        var error = DrillSelection.Parse("backup, failover", "kill-patroni", out var drills, out var fault);

        Assert.Null(error);
        Assert.Equal([DrillKind.Failover, DrillKind.Backup], drills);
        Assert.Equal(Fault.KillPatroni, fault);
    }

    [Fact]
    public void EveryFaultAffectsAtLeastOneDrill()
    {
        foreach (var name in DrillNames.FaultNames)
        {
            Assert.NotEmpty(DrillNames.Affected(DrillNames.ParseFault(name)!.Value));
        }
    }
}
