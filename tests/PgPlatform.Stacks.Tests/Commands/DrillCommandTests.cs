using PgPlatform.Infra.CommandLine;
using PgPlatform.Stacks.Drills;

namespace PgPlatform.Stacks.Tests.Commands;

public sealed class DrillCommandTests
{
    [Fact]
    public async Task An_unknown_drill_is_a_usage_error()
    {
        var result = await StacksRunner.RunAsync("drill --target local --drill failover,chaos");

        Assert.Equal((int)ExitCode.Usage, result.ExitCode);
        Assert.Contains("unknown drill(s): chaos", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_fault_that_affects_no_selected_drill_is_refused_because_it_could_only_pass()
    {
        var result = await StacksRunner.RunAsync("drill --drill rotation --fault wal-gap");

        Assert.Equal((int)ExitCode.Usage, result.ExitCode);
        Assert.Contains("fault wal-gap affects restore and backup", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("drill --target kubernetes")]
    [InlineData("drill --fault unplugged")]
    public async Task Unsupported_targets_and_faults_are_usage_errors(string commandLine)
    {
        var result = await StacksRunner.RunAsync(commandLine);

        Assert.Equal((int)ExitCode.Usage, result.ExitCode);
        Assert.StartsWith("error: ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_prerequisite_exits_2_naming_it_and_the_install_command()
    {
        var result = await StacksRunner.RunAsync("drill --drill rotation", new Dictionary<string, string> { ["PG_PLATFORM_PG_BIN"] = "/nonexistent/pg/bin" });

        Assert.Equal((int)ExitCode.TargetUnavailable, result.ExitCode);
        Assert.Contains("missing prerequisite: PostgreSQL 15 (/nonexistent/pg/bin/postgres)", result.Error, StringComparison.Ordinal);
        Assert.Contains("bash scripts/install-prereqs.sh", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Selection_runs_drills_in_run_order_and_keeps_the_fault()
    {
        var error = DrillSelection.Parse("backup, failover", "kill-patroni", out var drills, out var fault);

        Assert.Null(error);
        Assert.Equal([DrillKind.Failover, DrillKind.Backup], drills);
        Assert.Equal(Fault.KillPatroni, fault);
    }

    [Fact]
    public void Every_fault_affects_at_least_one_drill()
    {
        foreach (var name in DrillNames.FaultNames)
        {
            Assert.NotEmpty(DrillNames.Affected(DrillNames.ParseFault(name)!.Value));
        }
    }
}
