using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using PgPlatform.Stacks.Evidence;
using PgPlatform.Stacks.Nightly.Cost;
using PgPlatform.Stacks.Nightly.FleetView;

namespace PgPlatform.Stacks.Nightly;

/// <summary>Writes a fleet report as <c>fleet.md</c>, <c>fleet.json</c>, <c>pg_platform_drills.prom</c> (node_exporter textfile format) and the chart <c>fleet-rto.svg</c>.</summary>
public static class FleetReportWriter
{
    /// <summary>The chart's name: RTO and RPO per database against the tier budget, and the RTO trend (<see cref="FleetChart"/>).</summary>
    public const string ChartFile = "fleet-rto.svg";

    /// <summary>The metrics file's name.</summary>
    public const string MetricsFile = "pg_platform_drills.prom";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        NewLine = "\n",
    };

    /// <summary>Writes the four files into <paramref name="directory"/>; the metrics carry forward the last success of drills that failed tonight from the file already there.</summary>
    public static (string Markdown, string Json, string Metrics) Write(FleetReport report, string directory)
    {
        Directory.CreateDirectory(directory);
        var markdown = Path.Combine(directory, "fleet.md");
        var json = Path.Combine(directory, "fleet.json");
        var metrics = Path.Combine(directory, MetricsFile);
        File.WriteAllText(markdown, ToMarkdown(report));
        File.WriteAllText(json, ToJson(report) + "\n");
        File.WriteAllText(Path.Combine(directory, ChartFile), FleetChart.Render(report.Fleet));
        var previous = File.Exists(metrics) ? PrometheusTextfile.LastSuccesses(File.ReadAllText(metrics)) : new Dictionary<(string, string), double>();
        // node_exporter may read the file at any moment: write beside it and rename.
        var temporary = metrics + ".tmp";
        File.WriteAllText(temporary, PrometheusTextfile.Render(report, previous));
        File.Move(temporary, metrics, overwrite: true);
        return (markdown, json, metrics);
    }

    /// <summary>The report as JSON (camelCase, <c>passed</c> at fleet, application and drill level).</summary>
    public static string ToJson(FleetReport report) => JsonSerializer.Serialize(report, Json);

    /// <summary>The report as Markdown: one row per application and drill, then each failure in full.</summary>
    public static string ToMarkdown(FleetReport report)
    {
        var md = new StringBuilder();
        md.Append(CultureInfo.InvariantCulture, $"# Nightly drills: stack {report.Stack}, {(report.Passed ? "PASSED" : "FAILED")}\n\n");
        md.Append(CultureInfo.InvariantCulture, $"Started {Time(report.StartedAt)}; {report.Applications.Count(a => a.Passed)} of {report.Applications.Count} application(s) passed.\n\n");
        md.Append("| application | drill | result | RTO | RPO | operator | PostgreSQL image | storage class | reason |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
        foreach (var app in report.Applications)
        {
            if (app.Run is null || app.Run.Drills.Count == 0)
            {
                md.Append(CultureInfo.InvariantCulture, $"| {Cell(app.Application)} | - | FAILED | - | - | - | - | - | {Cell(app.Error ?? "no drill ran")} |\n");
                continue;
            }

            foreach (var drill in app.Run.Drills)
            {
                md.Append(CultureInfo.InvariantCulture,
                    $"| {Cell(app.Application)} | {drill.Drill} | {drill.Status} | {Seconds(drill.RtoSeconds)} | {Seconds(drill.RpoSeconds)} | {Cell(drill.OperatorVersion)} | {Cell(drill.PostgresImage)} | {Cell(drill.StorageClass)} | {Cell(drill.Reason)} |\n");
            }

            if (app.Error is not null)
            {
                md.Append(CultureInfo.InvariantCulture, $"| {Cell(app.Application)} | (stack) | FAILED | - | - | - | - | - | {Cell(app.Error)} |\n");
            }
        }

        var shaped = report.Applications.Where(a => a.Run?.Shape is not null).ToList();
        if (shaped.Count > 0)
        {
            md.Append("\n## Shape and versions\n\n| application | drilled | instances | replication | endpoint | versions |\n| --- | --- | ---: | --- | --- | --- |\n");
            foreach (var app in shaped)
            {
                var shape = app.Run!.Shape!;
                md.Append(CultureInfo.InvariantCulture,
                    $"| {Cell(app.Application)} | {Cell(shape.Subject)} | {shape.Instances} | {Cell(shape.Replication)} | {Cell(shape.Endpoint)} | {Cell(PostgresVersions.Mismatch(shape.Versions) ? $"**{shape.Versions}**" : shape.Versions)} |\n");
            }
        }

        FleetSection(md, report);
        var failures = report.Applications.Where(a => !a.Passed).ToList();
        if (failures.Count > 0)
        {
            md.Append("\n## Failures\n\n");
            foreach (var app in failures)
            {
                if (app.Error is not null)
                {
                    md.Append(CultureInfo.InvariantCulture, $"- {app.Application}: {app.Error}\n");
                }

                foreach (var drill in app.Run?.Drills.Where(d => !d.Passed && d.NotApplicableReason is null) ?? [])
                {
                    md.Append(CultureInfo.InvariantCulture, $"- {app.Application} {drill.Drill}: {drill.Reason}\n");
                }

                if (app.Run?.TeardownError is { } teardown)
                {
                    md.Append(CultureInfo.InvariantCulture, $"- {app.Application} teardown: {teardown}\n");
                }
            }
        }

        return md.ToString();
    }

    private static void FleetSection(StringBuilder md, FleetReport report)
    {
        if (report.Fresh.Count > 0 || report.Deferred.Count > 0 || report.StoppedAtWindowEnd)
        {
            md.Append(CultureInfo.InvariantCulture, $"\nNot drilled: fresh {List(report.Fresh)}; deferred (window full) {List(report.Deferred)}{(report.StoppedAtWindowEnd ? "; drills still running at the window's end were stopped and torn down" : "")}.\n");
        }

        if (report.Standings.Count == 0)
        {
            return;
        }

        md.Append(CultureInfo.InvariantCulture, $"\n## Fleet: evidence against objectives\n\nAt {Time(report.EvaluatedAt)}{(report.EvidenceLocation is { } at ? $"; evidence in {at}" : "")}. RTO and RPO against the tier budget, and the RTO trend: [{ChartFile}]({ChartFile}).\n");
        md.Append("The RTO budget judges the restore's RTO projected to the declared storage size (a real restore brings back the whole volume); where no projection was made, the observed RTO.\n\n");
        md.Append("| application | tier | team | last passing evidence | age | objective | status | RTO (observed, projected) / budget | RPO / budget | RTO trend |\n| --- | --- | --- | --- | ---: | ---: | --- | --- | --- | --- |\n");
        foreach (var f in report.Fleet)
        {
            md.Append(CultureInfo.InvariantCulture,
                $"| {Cell(f.Application)} | {f.Tier} | {Cell(f.Team)} | {(f.LastPassedAt is { } p ? Time(p) : "never")} | {(f.AgeDays is { } d ? string.Create(CultureInfo.InvariantCulture, $"{d:F1} d") : "-")} | {f.ObjectiveDays:0.#} d | {f.Status} | {RtoAgainstBudget(f)} | {RpoAgainstBudget(f)} | {string.Join(" ", f.RtoTrend.Select(r => r.ToString("0.##", CultureInfo.InvariantCulture)))} |\n");
        }

        if (report.Cost.Count > 0)
        {
            md.Append("\n## Cost: what the fleet holds\n\n").Append(FleetCost.ToMarkdown(report.Cost));
        }
    }

    private static string List(IReadOnlyList<string> names) => names.Count == 0 ? "none" : string.Join(", ", names);

    /// <summary><c>4.25 s, projected 412 s / 1800 s: within budget</c>; the verdict judges the projection when there is one.</summary>
    private static string RtoAgainstBudget(FleetEntry f)
    {
        var budget = string.Create(CultureInfo.InvariantCulture, $"{f.RtoBudgetSeconds:0} s");
        return f.LastRtoSeconds is null ? $"{FleetEntry.NotMeasured} / {budget}"
            : f.LastProjectedRtoSeconds is { } projected ? string.Create(CultureInfo.InvariantCulture, $"{Seconds(f.LastRtoSeconds)}, projected {projected:0} s / {budget}: {f.RtoVerdict}")
            : $"{Seconds(f.LastRtoSeconds)}, not projected / {budget}: {f.RtoVerdict} (observed)";
    }

    /// <summary><c>0.13 s / 300 s: within budget</c>.</summary>
    private static string RpoAgainstBudget(FleetEntry f)
    {
        var budget = string.Create(CultureInfo.InvariantCulture, $"{f.RpoBudgetSeconds:0} s");
        return f.LastRpoSeconds is null ? $"{FleetEntry.NotMeasured} / {budget}" : $"{Seconds(f.LastRpoSeconds)} / {budget}: {f.RpoVerdict}";
    }

    private static string Seconds(double? seconds) => seconds is { } s ? string.Create(CultureInfo.InvariantCulture, $"{s:F2} s") : "-";

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    internal static IEnumerable<(string App, DrillEvidence Drill)> Drills(FleetReport report) =>
        report.Applications.SelectMany(a => (a.Run?.Drills ?? []).Select(d => (a.Application, d)));
}
