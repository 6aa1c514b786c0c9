using PgPlatform.Stacks.Nightly.Scheduling;

namespace PgPlatform.Stacks.Nightly.FleetView;

/// <summary>One declared database in the fleet view: its evidence against the objective, and its last recovery numbers.</summary>
/// <param name="Application">The application.</param>
/// <param name="Tier">Its tier.</param>
/// <param name="Team">Its team.</param>
/// <param name="ObjectiveDays">The tier's evidence objective.</param>
/// <param name="LastPassedAt">When its latest passing evidence ended; null when never proven.</param>
/// <param name="AgeDays">Age of that evidence; null when never proven.</param>
/// <param name="Status"><c>fresh</c>, <c>due</c> (past the due fraction), <c>STALE</c> (past the objective), <c>NEVER PROVEN</c> or <c>FAILED</c> (latest drill failed).</param>
/// <param name="LastRtoSeconds">RTO of the latest evidence that measured one.</param>
/// <param name="LastRpoSeconds">RPO of the latest evidence that measured one.</param>
/// <param name="RtoTrend">RTO of the last runs that measured one, oldest first.</param>
public sealed record FleetEntry(string Application, string Tier, string Team, double ObjectiveDays, DateTimeOffset? LastPassedAt, double? AgeDays, string Status, double? LastRtoSeconds, double? LastRpoSeconds, IReadOnlyList<double> RtoTrend)
{
    /// <summary>Runs the trend keeps.</summary>
    public const int TrendRuns = 10;

    /// <summary>
    /// The RTO budget to compare with; null until the tiers declare one. Seam: when <c>TierProfile</c> carries an RTO
    /// budget, set it here from the standing's tier and the Markdown's budget column shows it.
    /// </summary>
    public double? RtoBudgetSeconds { get; init; }

    /// <summary>The RPO budget to compare with; null until the tiers declare one (same seam as <see cref="RtoBudgetSeconds"/>).</summary>
    public double? RpoBudgetSeconds { get; init; }

    /// <summary>The entry of <paramref name="standing"/> at <paramref name="now"/>.</summary>
    public static FleetEntry Of(DatabaseStanding standing, DateTimeOffset now, double dueFraction)
    {
        ArgumentNullException.ThrowIfNull(standing);
        var status = standing.LastFailed ? "FAILED" : standing.NeverProven ? "NEVER PROVEN" : standing.Breached(now) ? "STALE" : standing.Due(now, dueFraction) ? "due" : "fresh";
        var measured = standing.History.Where(h => h.RtoSeconds is not null).ToList();
        return new FleetEntry(
            standing.Database.Application, standing.Database.Tier.Name, standing.Database.Team, standing.Database.Objective.TotalDays,
            standing.LastPass?.FinishedAt, standing.Age(now)?.TotalDays, status,
            measured.LastOrDefault()?.RtoSeconds, standing.History.LastOrDefault(h => h.RpoSeconds is not null)?.RpoSeconds,
            [.. measured.TakeLast(TrendRuns).Select(h => h.RtoSeconds!.Value)]);
    }
}
