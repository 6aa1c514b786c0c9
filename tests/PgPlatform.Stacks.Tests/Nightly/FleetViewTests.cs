using System.Text.Json.Nodes;
using PgPlatform.Stacks.Nightly;
using PgPlatform.Stacks.Nightly.FleetView;

namespace PgPlatform.Stacks.Tests.Nightly;

/// <summary>The fleet view's recovery numbers against the tier budgets, in Markdown, JSON and the textfile metrics.</summary>
public sealed class FleetViewTests
{
    [Fact]
    public void EntriesCarryTheirTiersBudgetsAndTheBudgetJudgesTheProjectedRto()
    {
        var fleet = FleetViewSamples.Report().Fleet;

        Assert.Equal([("linkding", 1800.0, 300.0), ("wikijs", 1800.0, 300.0), ("gitea", 28800.0, 3600.0)], fleet.Select(f => (f.Application, f.RtoBudgetSeconds, f.RpoBudgetSeconds)));
        // linkding: observed 7.5 s, projected 412 s; wikijs: observed 9 s (within) but projected 2400 s (over).
        Assert.Equal([(7.5, 412.0, FleetEntry.WithinBudget), (9.0, 2400.0, FleetEntry.OverBudget)], fleet.Take(2).Select(f => (f.LastRtoSeconds!.Value, f.LastProjectedRtoSeconds!.Value, f.RtoVerdict)));
        Assert.Equal([FleetEntry.WithinBudget, FleetEntry.OverBudget, FleetEntry.NotMeasured], fleet.Select(f => f.RpoVerdict));
        Assert.Equal(FleetEntry.NotMeasured, fleet[2].RtoVerdict);
        Assert.Equal([5.0, 6, 7.5], fleet[0].RtoTrend);
    }

    [Fact]
    public void WithoutAProjectionTheObservedRtoIsJudgedAndTheMarkdownSaysSo()
    {
        var report = FleetViewSamples.Report();
        var entry = report.Fleet[0] with { LastProjectedRtoSeconds = null, LastRtoSeconds = 1900 };

        Assert.Equal(FleetEntry.OverBudget, entry.RtoVerdict);
        Assert.Equal(1900, entry.JudgedRtoSeconds);
    }

    [Fact]
    public void MarkdownShowsObservedAndProjectedRtoAndRpoAgainstTheBudgetWithAVerdictAndLinksTheChart()
    {
        var md = FleetReportWriter.ToMarkdown(FleetViewSamples.Report());

        Assert.Contains($"[{FleetReportWriter.ChartFile}]({FleetReportWriter.ChartFile})", md, StringComparison.Ordinal);
        Assert.Contains("| RTO (observed, projected) / budget | RPO / budget | RTO trend |", md, StringComparison.Ordinal);
        Assert.Contains("| fresh | 7.50 s, projected 412 s / 1800 s: within budget | 0.00 s / 300 s: within budget | 5 6 7.5 |\n", md, StringComparison.Ordinal);
        Assert.Contains("| fresh | 9.00 s, projected 2400 s / 1800 s: OVER budget | 400.00 s / 300 s: OVER budget | 9 |\n", md, StringComparison.Ordinal);
        Assert.Contains("| gitea | development | team-a | never | - | 30 d | NEVER PROVEN | not measured / 28800 s | not measured / 3600 s |  |\n", md, StringComparison.Ordinal);
        Assert.DoesNotContain("not declared", md, StringComparison.Ordinal);
    }

    [Fact]
    public void JsonCarriesBudgetsProjectionAndVerdictsPerDatabase()
    {
        var fleet = JsonNode.Parse(FleetReportWriter.ToJson(FleetViewSamples.Report()))!["fleet"]!.AsArray();

        var wikijs = fleet[1]!;
        Assert.Equal("wikijs", wikijs["application"]!.GetValue<string>());
        Assert.Equal(9, wikijs["lastRtoSeconds"]!.GetValue<double>());
        Assert.Equal(2400, wikijs["lastProjectedRtoSeconds"]!.GetValue<double>());
        Assert.Equal(1800, wikijs["rtoBudgetSeconds"]!.GetValue<double>());
        Assert.Equal(300, wikijs["rpoBudgetSeconds"]!.GetValue<double>());
        Assert.Equal("OVER budget", wikijs["rtoVerdict"]!.GetValue<string>());
        Assert.Equal("OVER budget", wikijs["rpoVerdict"]!.GetValue<string>());
        Assert.Null(fleet[2]!["lastProjectedRtoSeconds"]);
        Assert.Equal("not measured", fleet[2]!["rtoVerdict"]!.GetValue<string>());
    }

    [Fact]
    public void MetricsExportTheBudgetsNextToTheProjectedRtoWithTheSameLabels()
    {
        var metrics = PrometheusTextfile.Render(FleetViewSamples.Report(), new Dictionary<(string, string), double>());

        Assert.Contains("""
            # HELP pg_platform_drill_projected_rto_seconds RTO of the latest measured restore projected to the declared storage size, in seconds.
            # TYPE pg_platform_drill_projected_rto_seconds gauge
            pg_platform_drill_projected_rto_seconds{app="linkding",tier="production"} 412
            pg_platform_drill_projected_rto_seconds{app="wikijs",tier="production"} 2400
            # HELP pg_platform_drill_rto_budget_seconds The tier's RTO budget for a restore at the declared storage size, in seconds.
            # TYPE pg_platform_drill_rto_budget_seconds gauge
            pg_platform_drill_rto_budget_seconds{app="gitea",tier="development"} 28800
            pg_platform_drill_rto_budget_seconds{app="linkding",tier="production"} 1800
            pg_platform_drill_rto_budget_seconds{app="wikijs",tier="production"} 1800
            # HELP pg_platform_drill_rpo_budget_seconds The tier's RPO budget for a restore, in seconds.
            # TYPE pg_platform_drill_rpo_budget_seconds gauge
            pg_platform_drill_rpo_budget_seconds{app="gitea",tier="development"} 3600
            pg_platform_drill_rpo_budget_seconds{app="linkding",tier="production"} 300
            pg_platform_drill_rpo_budget_seconds{app="wikijs",tier="production"} 300

            """.Replace("\r\n", "\n", StringComparison.Ordinal), metrics, StringComparison.Ordinal);
        Assert.DoesNotContain("pg_platform_drill_projected_rto_seconds{app=\"gitea\"", metrics, StringComparison.Ordinal);
    }
}
