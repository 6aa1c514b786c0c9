using PgPlatform.Stacks.Nightly.Scheduling;

namespace PgPlatform.Stacks.Nightly;

/// <summary>What a bounded night did.</summary>
/// <param name="Runs">Each database started, in the order it finished.</param>
/// <param name="Deferred">Due databases not started: no slot was free before the window could no longer fit them.</param>
/// <param name="WindowEnd">When the window closed (or would have).</param>
/// <param name="StoppedAtWindowEnd">True when drills still running at the window's end were stopped.</param>
public sealed record NightOutcome(IReadOnlyList<ApplicationRun> Runs, IReadOnlyList<DatabaseStanding> Deferred, DateTimeOffset WindowEnd, bool StoppedAtWindowEnd);
