using PgPlatform.Stacks.Drills;
using PgPlatform.Stacks.Evidence;
using PgPlatform.Stacks.Targets.Local;
using Xunit.Abstractions;

namespace PgPlatform.Stacks.Tests.Drills;

/// <summary>A whole run with kill-patroni on a real local target of its own: the drills after the split brain are not run, with the reason.</summary>
public sealed class DestructiveFaultRunTests(ITestOutputHelper output)
{
    [Fact]
    public async Task AfterKillPatroniTheRemainingDrillsAreNotRunSayingWhyAndTheTargetIsStillTornDown()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        var log = new DrillLog(new TestOutputWriter(output));
        string? run = null;

        var evidence = await DrillRunner.RunAsync(async ct =>
        {
            var target = await LocalTarget.StartAsync(new LocalTargetOptions(), LocalShape.Lab, message => log.Write("target", message), ct);
            run = target.RunDirectory;
            return target;
        }, [DrillKind.Failover, DrillKind.Restore, DrillKind.Rotation], Fault.KillPatroni, log, timeout.Token);

        Assert.False(evidence.Passed);
        Assert.Equal("kill-patroni", evidence.Fault);
        Assert.Equal(
            [("failover", DrillOutcome.Failed, "kill-patroni"), ("restore", DrillOutcome.NotRun, "none"), ("rotation", DrillOutcome.NotRun, "none")],
            evidence.Drills.Select(d => (d.Drill, d.Outcome, d.Fault)));
        Assert.Contains("split brain", evidence.Drills[0].Reason, StringComparison.Ordinal);
        Assert.All(evidence.Drills.Skip(1), d =>
        {
            Assert.StartsWith("not run: the failover drill's fault kill-patroni left the target unfit: its primary's PostgreSQL runs on without Patroni", d.Reason, StringComparison.Ordinal);
            Assert.EndsWith("run this drill without --fault kill-patroni", d.Reason, StringComparison.Ordinal);
            Assert.Empty(d.Timings);
        });
        // The not-run drills took no time of their own: the run's phases are the start, the failover and the teardown.
        Assert.Equal(["target start", "drill failover", "teardown"], evidence.Timings.Select(t => t.Phase));
        Assert.NotNull(run);
        Assert.False(Directory.Exists(run));
        Assert.Empty(ProcessSweeper.Find(run));
    }
}
