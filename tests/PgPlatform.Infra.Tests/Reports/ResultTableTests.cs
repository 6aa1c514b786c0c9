using PgPlatform.Infra.Reports;
using PgPlatform.Stacks.Evidence;
using Spectre.Console.Testing;

namespace PgPlatform.Infra.Tests.Reports;

public sealed class ResultTableTests
{
    [Fact]
    public void ANightIsOneAlignedRowPerDatabaseAndDrillWithTheReasonLast()
    {
        var writer = new StringWriter();

        ResultTable.Of(ResultSamples.Night3()).WritePlain(writer);

        Assert.Equal(
            """
            database  drill     result          time    RTO      RPO            reason
            linkding  failover  not applicable  0.0 s   -        -              not applicable: 1 instance (tier development)
            linkding  restore   passed          41.3 s  12.50 s  0 rows/0.25 s  restored 1200 rows
            wikijs    rotation  FAILED          3.5 s   -        -              the old password still logs in
            gitea     -         FAILED          2.0 s   -        -              target unavailable: etcd did not start

            """.ReplaceLineEndings("\n"),
            writer.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void OneRunHasNoDatabaseColumnSoEachRowStartsWithItsDrill()
    {
        var writer = new StringWriter();

        ResultTable.Of(ResultSamples.Run(ResultSamples.Drill("failover", DrillOutcome.Failed, 61, "failover broke"))).WritePlain(writer);

        Assert.Equal(
            """
            drill     result  time    RTO  RPO  reason
            failover  FAILED  61.0 s  -    -    failover broke

            """.ReplaceLineEndings("\n"),
            writer.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void AFailedTeardownIsARowOfItsOwn()
    {
        var night = ResultSamples.Night3() with
        {
            Applications = [new("linkding", ResultSamples.Run(ResultSamples.Drill("backup", DrillOutcome.Passed, 5, "WAL continuous")) with { TeardownError = "stack nightly-0a0b0c was not destroyed" }, "stack nightly-0a0b0c was not destroyed")],
        };

        var rows = ResultTable.Of(night).Rows;

        Assert.Equal(["backup", "teardown"], rows.Select(r => r.Drill));
        Assert.Equal("FAILED", rows[1].Result);
        Assert.Equal("stack nightly-0a0b0c was not destroyed", rows[1].Reason);
    }

    [Fact]
    public void OnATerminalTheTableIsDrawnWithEveryCell()
    {
        var console = new TestConsole().Width(200);

        console.Write(ResultTable.Of(ResultSamples.Night3()).ToRenderable());

        var lines = console.Lines;
        Assert.Contains(lines, l => l.Contains("database", StringComparison.Ordinal) && l.Contains("reason", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("│ linkding │ restore  │ passed", StringComparison.Ordinal) && l.Contains("12.50 s", StringComparison.Ordinal) && l.Contains("restored 1200 rows", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("│ wikijs   │ rotation │ FAILED", StringComparison.Ordinal) && l.Contains("the old password still logs in", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("│ gitea    │ -        │ FAILED", StringComparison.Ordinal) && l.Contains("etcd did not start", StringComparison.Ordinal));
    }
}
