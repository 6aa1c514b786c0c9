using System.Text.Json.Nodes;
using PgPlatform.Stacks.Nightly;

namespace PgPlatform.Stacks.Tests.Nightly;

public sealed class FleetReportWriterTests : IDisposable
{
    private readonly string _out = Directory.CreateTempSubdirectory("fleet-").FullName;

    public void Dispose() => Directory.Delete(_out, recursive: true);

    [Fact]
    public void MetricsGiveLastSuccessResultRtoAndRpoPerApplicationAndDrill()
    {
        var metrics = PrometheusTextfile.Render(FleetSamples.Report(), new Dictionary<(string, string), double>());

        Assert.Equal("""
            # HELP pg_platform_drill_last_success_timestamp_seconds Unix time the drill last passed.
            # TYPE pg_platform_drill_last_success_timestamp_seconds gauge
            pg_platform_drill_last_success_timestamp_seconds{app="linkding",drill="failover"} 1773453710
            pg_platform_drill_last_success_timestamp_seconds{app="linkding",drill="rotation"} 1773453810
            pg_platform_drill_last_success_timestamp_seconds{app="wikijs",drill="failover"} 1773454010
            # HELP pg_platform_drill_success 1 if the drill passed in the last nightly run, 0 if it failed.
            # TYPE pg_platform_drill_success gauge
            pg_platform_drill_success{app="linkding",drill="failover"} 1
            pg_platform_drill_success{app="linkding",drill="rotation"} 1
            pg_platform_drill_success{app="wikijs",drill="failover"} 1
            pg_platform_drill_success{app="wikijs",drill="rotation"} 0
            # HELP pg_platform_drill_rto_seconds Observed recovery time of the last run, in seconds.
            # TYPE pg_platform_drill_rto_seconds gauge
            pg_platform_drill_rto_seconds{app="linkding",drill="failover"} 4.25
            pg_platform_drill_rto_seconds{app="wikijs",drill="failover"} 6.5
            # HELP pg_platform_drill_rpo_seconds Observed recovery point of the last run, in seconds.
            # TYPE pg_platform_drill_rpo_seconds gauge
            pg_platform_drill_rpo_seconds{app="wikijs",drill="failover"} 0.125

            """.Replace("\r\n", "\n", StringComparison.Ordinal), metrics);
    }

    [Fact]
    public void ADrillThatFailedTonightKeepsItsPreviousLastSuccessAndOthersMoveOn()
    {
        var first = PrometheusTextfile.Render(FleetSamples.Report() with { Applications = [FleetSamples.Report().Applications[1] with { Run = FleetSamples.Report().Applications[1].Run! with { Drills = [FleetSamples.Drill("rotation", true, -86400)] } }] }, new Dictionary<(string, string), double>());

        var previous = PrometheusTextfile.LastSuccesses(first);
        var second = PrometheusTextfile.Render(FleetSamples.Report(), previous);

        Assert.Equal(new Dictionary<(string, string), double> { [("wikijs", "rotation")] = 1773367210 }, previous);
        Assert.Contains("pg_platform_drill_last_success_timestamp_seconds{app=\"wikijs\",drill=\"rotation\"} 1773367210\n", second, StringComparison.Ordinal);
        Assert.Contains("pg_platform_drill_success{app=\"wikijs\",drill=\"rotation\"} 0\n", second, StringComparison.Ordinal);
    }

    [Fact]
    public void LabelValuesAreEscapedAndReadBack()
    {
        var report = FleetSamples.Report() with { Applications = [new ApplicationRun("we\"ird\\app", FleetSamples.Report().Applications[0].Run, null)] };

        var text = PrometheusTextfile.Render(report, new Dictionary<(string, string), double>());

        Assert.Contains("{app=\"we\\\"ird\\\\app\",drill=\"failover\"}", text, StringComparison.Ordinal);
        Assert.Contains(("we\"ird\\app", "failover"), PrometheusTextfile.LastSuccesses(text).Keys);
    }

    [Fact]
    public void MarkdownHasARowPerDrillARowForAnApplicationThatNeverRanAndTheFailures()
    {
        var md = FleetReportWriter.ToMarkdown(FleetSamples.Report());

        Assert.StartsWith("# Nightly drills: stack dev, FAILED\n\nStarted 2026-03-14 02:00:00 UTC; 1 of 3 application(s) passed.\n", md, StringComparison.Ordinal);
        Assert.Contains("| linkding | failover | passed | 4.25 s | - | cloudnative-pg 1.30.0 | ghcr.io/cloudnative-pg/postgresql:17.5 | pgp-ephemeral | failover observed |\n", md, StringComparison.Ordinal);
        Assert.Contains("| wikijs | rotation | FAILED | - | - |", md, StringComparison.Ordinal);
        Assert.Contains("| gitea | - | FAILED | - | - | - | - | - | Cluster gitea-nightly-0a0b0c/gitea-db Ready: not reached within 600 s (phase 'Setting up primary') |\n", md, StringComparison.Ordinal);
        Assert.EndsWith("## Failures\n\n- wikijs rotation: the old password still logs in\n- gitea: Cluster gitea-nightly-0a0b0c/gitea-db Ready: not reached within 600 s (phase 'Setting up primary')\n", md, StringComparison.Ordinal);
    }

    [Fact]
    public void JsonCarriesTheVerdictAtEveryLevel()
    {
        var json = JsonNode.Parse(FleetReportWriter.ToJson(FleetSamples.Report()))!;

        Assert.False(json["passed"]!.GetValue<bool>());
        Assert.Equal("dev", json["stack"]!.GetValue<string>());
        Assert.True(json["applications"]![0]!["passed"]!.GetValue<bool>());
        Assert.False(json["applications"]![1]!["run"]!["drills"]![1]!["passed"]!.GetValue<bool>());
        Assert.Null(json["applications"]![2]!["run"]);
        Assert.StartsWith("Cluster gitea-nightly-0a0b0c", json["applications"]![2]!["error"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void WritePutsTheThreeFilesInTheDirectoryAndCarriesLastSuccessesAcrossNights()
    {
        File.WriteAllText(Path.Combine(_out, FleetReportWriter.MetricsFile), "pg_platform_drill_last_success_timestamp_seconds{app=\"gitea\",drill=\"failover\"} 1773000000\n");

        var (markdown, json, metrics) = FleetReportWriter.Write(FleetSamples.Report(), _out);

        Assert.Equal(Path.Combine(_out, "fleet.md"), markdown);
        Assert.Equal(Path.Combine(_out, "fleet.json"), json);
        Assert.Contains("{app=\"gitea\",drill=\"failover\"} 1773000000\n", File.ReadAllText(metrics), StringComparison.Ordinal);
        Assert.Equal([FleetReportWriter.ChartFile, "fleet.json", "fleet.md", FleetReportWriter.MetricsFile], Directory.GetFiles(_out).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AnEmptyNightHasNotPassed()
    {
        Assert.False((FleetSamples.Report() with { Applications = [] }).Passed);
    }
}
