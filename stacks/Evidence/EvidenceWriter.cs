using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PgPlatform.Stacks.Evidence;

/// <summary>Writes a run's evidence as <c>evidence.json</c> and <c>evidence.md</c>.</summary>
public static class EvidenceWriter
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        NewLine = "\n",
    };

    /// <summary>Writes both files into <paramref name="directory"/> (created if needed) and returns their paths.</summary>
    public static (string Json, string Markdown) Write(RunEvidence run, string directory)
    {
        Directory.CreateDirectory(directory);
        var json = Path.Combine(directory, "evidence.json");
        var markdown = Path.Combine(directory, "evidence.md");
        File.WriteAllText(json, ToJson(run) + "\n");
        File.WriteAllText(markdown, ToMarkdown(run));
        return (json, markdown);
    }

    /// <summary>The run as JSON (camelCase; <c>passed</c> at run level and per drill).</summary>
    public static string ToJson(RunEvidence run) => JsonSerializer.Serialize(run, Json);

    /// <summary>Reads JSON written by <see cref="ToJson"/>.</summary>
    public static RunEvidence FromJson(string json) => JsonSerializer.Deserialize<RunEvidence>(json, Json) ?? throw new FormatException("empty evidence");

    /// <summary>The run as Markdown: a summary table, then each drill's fields, measurements and timings.</summary>
    public static string ToMarkdown(RunEvidence run)
    {
        var md = new StringBuilder();
        md.Append(CultureInfo.InvariantCulture, $"# Drill evidence: {run.Target} target, {(run.Passed ? "PASSED" : "FAILED")}\n\n");
        md.Append(CultureInfo.InvariantCulture, $"Started {Time(run.StartedAt)}; fault: {run.Fault}.\n\n");
        if (run.TeardownError is { } teardown)
        {
            md.Append(CultureInfo.InvariantCulture, $"**Teardown FAILED**: {teardown}\n\n");
        }

        if (run.Shape is { } shape)
        {
            AppendShape(md, shape);
        }

        md.Append("| drill | result | RTO | RPO | reason |\n| --- | --- | --- | --- | --- |\n");
        foreach (var drill in run.Drills)
        {
            md.Append(CultureInfo.InvariantCulture, $"| {drill.Drill} | {drill.Status} | {Rto(drill)} | {Rpo(drill)} | {Cell(drill.Reason)} |\n");
        }

        md.Append("\n## Timing\n\n| phase | seconds |\n| --- | ---: |\n");
        foreach (var timing in run.Timings)
        {
            md.Append(CultureInfo.InvariantCulture, $"| {Cell(timing.Phase)} | {timing.Seconds:F2} |\n");
        }

        foreach (var drill in run.Drills)
        {
            md.Append(CultureInfo.InvariantCulture, $"\n## {drill.Drill}: {drill.Status}\n\n| field | value |\n| --- | --- |\n");
            foreach (var (field, value) in Fields(drill))
            {
                md.Append(CultureInfo.InvariantCulture, $"| {field} | {Cell(value)} |\n");
            }

            foreach (var measurement in drill.Measurements)
            {
                md.Append(CultureInfo.InvariantCulture, $"| {Cell(measurement.Name)} | {Cell(measurement.Value)} |\n");
            }

            md.Append("\n| phase | seconds |\n| --- | ---: |\n");
            foreach (var timing in drill.Timings)
            {
                md.Append(CultureInfo.InvariantCulture, $"| {Cell(timing.Phase)} | {timing.Seconds:F2} |\n");
            }
        }

        return md.ToString();
    }

    private static void AppendShape(StringBuilder md, TargetShape shape)
    {
        md.Append(CultureInfo.InvariantCulture, $"Drilled: {shape.Subject}.\n\n");
        if (PostgresVersions.Mismatch(shape.Versions))
        {
            md.Append(CultureInfo.InvariantCulture, $"**{shape.Versions}.**\n\n");
        }

        md.Append("| shape | value |\n| --- | --- |\n");
        foreach (var (field, value) in new[]
        {
            ("tier", shape.Tier),
            ("instances", shape.Instances.ToString(CultureInfo.InvariantCulture)),
            ("replication", shape.Replication),
            ("read-write endpoint", shape.Endpoint),
            ("database and owner", $"{shape.Database} owned by {shape.Owner}"),
            ("parameters applied", shape.AppliedParameters.Count == 0 ? "none" : string.Join(", ", shape.AppliedParameters)),
            ("parameters skipped", shape.SkippedParameters.Count == 0 ? "none" : string.Join("; ", shape.SkippedParameters)),
            ("backup retention", shape.Retention),
            ("declared PostgreSQL image", shape.DeclaredImage),
            ("PostgreSQL run", shape.RanVersion),
            ("versions", shape.Versions),
        })
        {
            md.Append(CultureInfo.InvariantCulture, $"| {field} | {Cell(value)} |\n");
        }

        md.Append('\n');
    }

    /// <summary>How an outcome reads in reports: <c>passed</c>, <c>FAILED</c>, <c>not applicable</c>, <c>NOT RUN</c> (capitals where the run fails).</summary>
    public static string Result(DrillOutcome outcome) => outcome switch
    {
        DrillOutcome.Passed => "passed",
        DrillOutcome.Failed => "FAILED",
        DrillOutcome.NotApplicable => "not applicable",
        DrillOutcome.NotRun => "NOT RUN",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome)),
    };

    private static IEnumerable<(string, string)> Fields(DrillEvidence d) =>
    [
        ("result", d.Status),
        ("reason", d.Reason),
        ("target", d.Target),
        ("fault", d.Fault),
        ("started", Time(d.StartedAt)),
        ("duration", Seconds(d.DurationSeconds)),
        ("backup identifier", d.BackupId),
        ("restore namespace", d.RestoreNamespace),
        ("restore start time", d.RestoreStartedAt is { } at ? Time(at) : DrillEvidence.NotApplicable),
        ("application migration", d.ApplicationMigration),
        ("observed RTO", Rto(d)),
        ("observed RPO", Rpo(d)),
        ("operator version", d.OperatorVersion),
        ("PostgreSQL image", d.PostgresImage),
        ("storage class", d.StorageClass),
    ];

    private static string Rto(DrillEvidence d) => d.RtoSeconds is { } rto ? Seconds(rto) : DrillEvidence.NotApplicable;

    private static string Rpo(DrillEvidence d) =>
        d.RpoRows is { } rows ? string.Create(CultureInfo.InvariantCulture, $"{rows} row(s), {d.RpoSeconds ?? 0:F3} s") : DrillEvidence.NotApplicable;

    private static string Seconds(double seconds) => string.Create(CultureInfo.InvariantCulture, $"{seconds:F2} s");

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff 'UTC'", CultureInfo.InvariantCulture);

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
