using PgPlatform.Stacks.Evidence;

namespace PgPlatform.Infra.Reports;

/// <summary>One row of a results table: a drill of a database, or why a database's drills did not run.</summary>
/// <param name="Database">The database (application); null in a single database's table.</param>
/// <param name="Drill">The drill's name, <c>-</c> for a database whose drills never ran, <c>teardown</c> for a failed teardown.</param>
/// <param name="Outcome">How it ended; null for a database-level failure (printed <c>FAILED</c>).</param>
/// <param name="DurationSeconds">How long it took; null when not measured.</param>
/// <param name="Rto">Observed RTO (<c>2.31 s</c>) or <c>-</c>.</param>
/// <param name="Rpo">Observed RPO (<c>0 rows/0.00 s</c>) or <c>-</c>.</param>
/// <param name="Reason">What was observed, or why it failed, did not apply or was not run.</param>
public sealed record ResultRow(string? Database, string Drill, DrillOutcome? Outcome, double? DurationSeconds, string Rto, string Rpo, string Reason)
{
    /// <summary>The result as reports print it: <c>passed</c>, <c>FAILED</c>, <c>not applicable</c>, <c>NOT RUN</c>.</summary>
    public string Result => Outcome is { } outcome ? EvidenceWriter.Result(outcome) : EvidenceWriter.Result(DrillOutcome.Failed);

    /// <summary>The duration as printed: <c>12.3 s</c> or <c>-</c>.</summary>
    public string Duration => DurationSeconds is { } seconds ? $"{seconds:F1} s" : "-";

    /// <summary>The row of <paramref name="drill"/>'s evidence, for <paramref name="database"/>.</summary>
    public static ResultRow Of(string? database, DrillEvidence drill)
    {
        ArgumentNullException.ThrowIfNull(drill);
        return new ResultRow(
            database,
            drill.Drill,
            drill.Outcome,
            drill.DurationSeconds,
            drill.RtoSeconds is { } rto ? $"{rto:F2} s" : "-",
            drill.RpoRows is { } rows ? $"{rows} rows/{drill.RpoSeconds ?? 0:F2} s" : "-",
            drill.Reason);
    }
}
