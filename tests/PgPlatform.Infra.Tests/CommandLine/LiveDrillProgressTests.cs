using Microsoft.Extensions.Time.Testing;
using PgPlatform.Infra.CommandLine;
using PgPlatform.Infra.Tests.Reports;
using PgPlatform.Stacks.Drills;
using PgPlatform.Stacks.Evidence;
using Spectre.Console.Testing;

namespace PgPlatform.Infra.Tests.CommandLine;

public sealed class LiveDrillProgressTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void EveryDatabaseAndDrillIsARowThatFollowsItsDrillFromPendingToItsOutcome()
    {
        var live = new LiveDrillProgress(_time);
        var log = new DrillLog(live);
        var (linkding, wikijs) = (log.ForDatabase("linkding"), log.ForDatabase("wikijs"));
        linkding.Planned([DrillKind.Failover, DrillKind.Restore, DrillKind.Rotation]);
        wikijs.Planned([DrillKind.Failover, DrillKind.Restore]);

        linkding.DrillStarted(DrillKind.Failover, Fault.None);
        linkding.DrillFinished(ResultSamples.Drill("failover", DrillOutcome.NotApplicable, 0, "1 instance (tier development)"));
        linkding.DrillStarted(DrillKind.Restore, Fault.None);
        _time.Advance(TimeSpan.FromSeconds(42));
        linkding.Write("restore", "base backup 20260314T020000 restored");

        var rendered = Render(live);
        Assert.Equal(["linkding failover not applicable", "linkding restore running", "linkding rotation pending", "wikijs failover pending", "wikijs restore pending"],
            live.Rows.Select(r => $"{r.Database} {r.Drill} {(r.Outcome is { } o ? EvidenceWriter.Result(o) : r.Running ? "running" : "pending")}"));
        Assert.Contains(rendered, l => Cells(l) is ["linkding", "failover", "not applicable", "0 s", "1 instance (tier development)"]);
        Assert.Contains(rendered, l => Cells(l) is ["linkding", "restore", "running", "42 s", "base backup 20260314T020000 restored"]);
        Assert.Contains(rendered, l => Cells(l) is ["wikijs", "restore", "pending", "", ""]);

        linkding.DrillFinished(ResultSamples.Drill("restore", DrillOutcome.Passed, 43.4, "restored 1200 rows"));
        linkding.DrillStarted(DrillKind.Rotation, Fault.StaleClient);
        linkding.DrillFinished(ResultSamples.Drill("rotation", DrillOutcome.Failed, 3, "the old password still logs in"));
        log.DatabaseFinished("linkding", passed: false);
        log.DatabaseFinished("wikijs", passed: false, "target unavailable: etcd did not start");

        rendered = Render(live);
        Assert.Contains(rendered, l => Cells(l) is ["linkding", "restore", "passed", "43 s", ""]);
        Assert.Contains(rendered, l => Cells(l) is ["linkding", "rotation", "FAILED", "3 s", "the old password still logs in"]);
        Assert.Contains(rendered, l => Cells(l) is ["wikijs", "failover", "NOT RUN", "", "target unavailable: etcd did not start"]);
        Assert.Contains(rendered, l => Cells(l) is ["wikijs", "restore", "NOT RUN", "", "target unavailable: etcd did not start"]);
    }

    [Fact]
    public void TheLatestLinesScrollBelowTheTableTaggedWithTheirDatabase()
    {
        var live = new LiveDrillProgress(_time);
        var log = new DrillLog(live).ForDatabase("linkding");
        for (var i = 1; i <= LiveDrillProgress.LogLines + 3; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            log.Write("target", $"message {i}");
        }

        var rendered = Render(live);

        Assert.DoesNotContain(rendered, l => l.Contains("message 3", StringComparison.Ordinal));
        Assert.Contains(rendered, l => l.Trim() == "[   4.0 s] linkding target: message 4");
        Assert.Contains(rendered, l => l.Trim() == $"[   9.0 s] linkding target: message {LiveDrillProgress.LogLines + 3}");
    }

    [Fact]
    public void ADrillThatStartsWithoutAPlanGetsItsRowWhenItStarts()
    {
        var live = new LiveDrillProgress(_time);

        new DrillLog(live).ForDatabase("linkding").DrillStarted(DrillKind.Backup, Fault.None);

        var row = Assert.Single(live.Rows);
        Assert.Equal(("linkding", "backup", true), (row.Database, row.Drill, row.Running));
    }

    [Fact]
    public void ALongLineEndsInAnEllipsisSoTheViewStaysAFewLinesTall()
    {
        var live = new LiveDrillProgress(_time);
        var log = new DrillLog(live).ForDatabase("linkding");
        log.DrillStarted(DrillKind.Restore, Fault.None);

        log.Write("restore", new string('x', LiveDrillProgress.MaxLineLength * 2));

        Assert.Equal(LiveDrillProgress.MaxLineLength * 2, Assert.Single(live.Rows).Detail.Length);
        var rendered = Render(live, width: 500);
        Assert.DoesNotContain(rendered, l => l.Contains(new string('x', LiveDrillProgress.MaxLineLength), StringComparison.Ordinal));
        Assert.Contains(rendered, l => l.Contains(new string('x', LiveDrillProgress.MaxLineLength - 1) + "…", StringComparison.Ordinal));
    }

    private static List<string> Render(LiveDrillProgress live, int width = 160)
    {
        var console = new TestConsole().Width(width);
        console.Write(live.Render());
        return [.. console.Lines];
    }

    private static string[] Cells(string line) => line.Split('│', StringSplitOptions.TrimEntries) is { Length: 7 } cells ? cells[1..6] : [];
}
