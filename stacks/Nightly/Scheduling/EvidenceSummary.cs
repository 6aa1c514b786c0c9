namespace PgPlatform.Stacks.Nightly.Scheduling;

/// <summary>What the scheduler and the fleet view need of one stored evidence record (one database, one run).</summary>
/// <param name="Stack">The stack whose database was drilled.</param>
/// <param name="Application">The database's application.</param>
/// <param name="RunId">The nightly run that wrote it.</param>
/// <param name="StartedAt">When the database's drills started.</param>
/// <param name="DurationSeconds">How long its drills took, stack up to teardown; 0 when nothing ran.</param>
/// <param name="Passed">True when every drill ran and passed.</param>
/// <param name="RtoSeconds">The restore drill's observed RTO, when one ran.</param>
/// <param name="RpoSeconds">The restore drill's observed RPO, when one ran.</param>
public sealed record EvidenceSummary(string Stack, string Application, string RunId, DateTimeOffset StartedAt, double DurationSeconds, bool Passed, double? RtoSeconds, double? RpoSeconds)
{
    /// <summary>The restore drill's RTO projected to the declared storage size (what the tier's RTO budget judges), when it projected one.</summary>
    public double? ProjectedRtoSeconds { get; init; }

    /// <summary>When the drills ended: evidence is as old as its end.</summary>
    public DateTimeOffset FinishedAt => StartedAt + TimeSpan.FromSeconds(DurationSeconds);

    /// <summary>True when the record measured a real drill duration the scheduler can plan with.</summary>
    public bool Measured => DurationSeconds > 0;
}
