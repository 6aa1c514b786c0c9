namespace PgPlatform.Stacks.Nightly.Scheduling;

/// <summary>Where one database stands against its evidence objective, from its stored history.</summary>
/// <param name="Database">The database.</param>
/// <param name="LastPass">Its latest passing evidence; null when it was never proven.</param>
/// <param name="LastRun">Its latest evidence, passing or not; null when it was never drilled.</param>
/// <param name="ExpectedDuration">How long its drills are expected to take.</param>
/// <param name="DurationMeasured">False when <paramref name="ExpectedDuration"/> is the default for a database never measured.</param>
/// <param name="History">Its evidence, oldest first.</param>
public sealed record DatabaseStanding(FleetDatabase Database, EvidenceSummary? LastPass, EvidenceSummary? LastRun, TimeSpan ExpectedDuration, bool DurationMeasured, IReadOnlyList<EvidenceSummary> History)
{
    /// <summary>True when no drill of it ever passed.</summary>
    public bool NeverProven => LastPass is null;

    /// <summary>True when its latest drill failed (a database whose recovery is known broken).</summary>
    public bool LastFailed => LastRun is { Passed: false };

    /// <summary>Age of its passing evidence at <paramref name="now"/>; null when never proven.</summary>
    public TimeSpan? Age(DateTimeOffset now) => LastPass is { } pass ? now - pass.FinishedAt : null;

    /// <summary>When its evidence outlives the objective; null when never proven (it already has).</summary>
    public DateTimeOffset? StaleAt => LastPass?.FinishedAt + Database.Objective;

    /// <summary>True when its evidence is older than its objective at <paramref name="now"/> (or it was never proven).</summary>
    public bool Breached(DateTimeOffset now) => StaleAt is not { } stale || now > stale;

    /// <summary>The evidence age from which a passing database is due again: <paramref name="dueFraction"/> of its objective.</summary>
    public TimeSpan DueAfter(double dueFraction) => Database.Objective * dueFraction;

    /// <summary>True when it should be drilled at <paramref name="now"/>: failed, never proven, or evidence older than <paramref name="dueFraction"/> of its objective.</summary>
    public bool Due(DateTimeOffset now, double dueFraction) =>
        LastFailed || Age(now) is not { } age || age >= DueAfter(dueFraction);
}
