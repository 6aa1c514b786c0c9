using PgPlatform.Stacks.Evidence;

namespace PgPlatform.Stacks.Drills;

/// <summary>
/// What drills, targets and the nightly run report while they work: lines (<see cref="Write"/>) and typed events (a
/// database's plan, a drill started or finished, a database done), all handed to one <see cref="IDrillProgress"/>.
/// A log scoped to a database (<see cref="ForDatabase"/>) tags its events with it. Safe to use from several tasks.
/// </summary>
public sealed class DrillLog
{
    private readonly IDrillProgress _progress;

    /// <summary>A log writing timestamped lines to <paramref name="writer"/> (<see cref="PlainDrillProgress"/>).</summary>
    public DrillLog(TextWriter writer)
        : this(new PlainDrillProgress(writer))
    {
    }

    /// <summary>A log reporting to <paramref name="progress"/>.</summary>
    public DrillLog(IDrillProgress progress)
        : this(progress, null)
    {
    }

    private DrillLog(IDrillProgress progress, string? database)
    {
        ArgumentNullException.ThrowIfNull(progress);
        _progress = progress;
        Database = database;
    }

    /// <summary>A log that writes nowhere.</summary>
    public static DrillLog Silent => new(TextWriter.Null);

    /// <summary>The database this log's events belong to; null for a run-wide log.</summary>
    public string? Database { get; }

    /// <summary>The same log, its events tagged with <paramref name="database"/>.</summary>
    public DrillLog ForDatabase(string database) => new(_progress, database);

    /// <summary>Writes one line for <paramref name="scope"/>.</summary>
    public void Write(string scope, string message) =>
        _progress.Report(new DrillProgressEvent(DrillProgressKind.Message, Database, scope, message));

    /// <summary>Says which drills this log's database will get (no line: the drills' own lines follow).</summary>
    public void Planned(IReadOnlyList<DrillKind> drills) =>
        _progress.Report(new DrillProgressEvent(DrillProgressKind.Planned, Database, "plan", null) { Drills = [.. drills.Select(DrillNames.Name)] });

    /// <summary>Says <paramref name="drill"/> started, injecting <paramref name="fault"/>: <c>failover: start[, with fault F]</c>.</summary>
    public void DrillStarted(DrillKind drill, Fault fault)
    {
        var name = DrillNames.Name(drill);
        _progress.Report(new DrillProgressEvent(DrillProgressKind.DrillStarted, Database, name, fault == Fault.None ? "start" : $"start, with fault {DrillNames.Name(fault)}") { Drill = name });
    }

    /// <summary>
    /// Says a drill ended as <paramref name="evidence"/> records: <c>failover: passed in 12.3 s</c>, <c>FAILED in ...: reason</c>
    /// or <c>not applicable: reason</c>. A drill not run has no line of its own (its recorder wrote why).
    /// </summary>
    public void DrillFinished(DrillEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var line = evidence.Outcome switch
        {
            DrillOutcome.Passed => $"passed in {evidence.DurationSeconds:F1} s",
            DrillOutcome.NotApplicable => $"not applicable: {evidence.NotApplicableReason}",
            DrillOutcome.NotRun => null,
            _ => $"FAILED in {evidence.DurationSeconds:F1} s: {evidence.Reason}",
        };
        _progress.Report(new DrillProgressEvent(DrillProgressKind.DrillFinished, Database, evidence.Drill, line)
        {
            Drill = evidence.Drill,
            Outcome = evidence.Outcome,
            DurationSeconds = evidence.DurationSeconds,
            Reason = evidence.Outcome == DrillOutcome.Passed ? null : evidence.NotApplicableReason ?? evidence.Reason,
        });
    }

    /// <summary>
    /// Says <paramref name="database"/>'s turn ended: <c>nightly: linkding: passed</c> (or <c>FAILED</c>);
    /// <paramref name="error"/> is why its drills did not run, when they did not.
    /// </summary>
    public void DatabaseFinished(string database, bool passed, string? error = null) =>
        _progress.Report(new DrillProgressEvent(DrillProgressKind.DatabaseFinished, database, "nightly", $"{database}: {(passed ? "passed" : "FAILED")}") { Passed = passed, Reason = error });
}
