using PgPlatform.Stacks.Nightly.Scheduling;

namespace PgPlatform.Stacks.Nightly.FleetView;

/// <summary>One declared database in the fleet view: its evidence against the objective, and its last recovery numbers against its tier's budgets.</summary>
/// <param name="Application">The application.</param>
/// <param name="Tier">Its tier.</param>
/// <param name="Team">Its team.</param>
/// <param name="ObjectiveDays">The tier's evidence objective.</param>
/// <param name="LastPassedAt">When its latest passing evidence ended; null when never proven.</param>
/// <param name="AgeDays">Age of that evidence; null when never proven.</param>
/// <param name="Status"><c>fresh</c>, <c>due</c> (past the due fraction), <c>STALE</c> (past the objective), <c>NEVER PROVEN</c> or <c>FAILED</c> (latest drill failed).</param>
/// <param name="LastRtoSeconds">Observed RTO of the latest evidence that measured one.</param>
/// <param name="LastRpoSeconds">Observed RPO of the latest evidence that measured one.</param>
/// <param name="RtoTrend">Observed RTO of the last runs that measured one, oldest first.</param>
public sealed record FleetEntry(string Application, string Tier, string Team, double ObjectiveDays, DateTimeOffset? LastPassedAt, double? AgeDays, string Status, double? LastRtoSeconds, double? LastRpoSeconds, IReadOnlyList<double> RtoTrend)
{
    /// <summary>Runs the trend keeps.</summary>
    public const int TrendRuns = 10;

    /// <summary>Verdict of a figure within its budget.</summary>
    public const string WithinBudget = "within budget";

    /// <summary>Verdict of a figure over its budget.</summary>
    public const string OverBudget = "OVER budget";

    /// <summary>Verdict when nothing was measured to compare.</summary>
    public const string NotMeasured = "not measured";

    /// <summary>
    /// RTO projected to the declared storage size by the same evidence as <see cref="LastRtoSeconds"/>; null when that
    /// run projected none (a drill without a declared tier, or a target that does not time the base backup apart).
    /// </summary>
    public double? LastProjectedRtoSeconds { get; init; }

    /// <summary>The tier's RTO budget (<c>TierProfile.RtoBudget</c>), in seconds.</summary>
    public double RtoBudgetSeconds { get; init; }

    /// <summary>The tier's RPO budget (<c>TierProfile.RpoBudget</c>), in seconds.</summary>
    public double RpoBudgetSeconds { get; init; }

    /// <summary>
    /// The RTO the budget judges: the projection to the declared storage when known (a real restore brings back the whole
    /// volume), else the observed RTO; null when never measured.
    /// </summary>
    public double? JudgedRtoSeconds => LastProjectedRtoSeconds ?? LastRtoSeconds;

    /// <summary><see cref="WithinBudget"/>, <see cref="OverBudget"/> or <see cref="NotMeasured"/>, for <see cref="JudgedRtoSeconds"/>.</summary>
    public string RtoVerdict => Verdict(JudgedRtoSeconds, RtoBudgetSeconds);

    /// <summary><see cref="WithinBudget"/>, <see cref="OverBudget"/> or <see cref="NotMeasured"/>, for <see cref="LastRpoSeconds"/>.</summary>
    public string RpoVerdict => Verdict(LastRpoSeconds, RpoBudgetSeconds);

    /// <summary>The entry of <paramref name="standing"/> at <paramref name="now"/>, with its tier's budgets.</summary>
    public static FleetEntry Of(DatabaseStanding standing, DateTimeOffset now, double dueFraction)
    {
        ArgumentNullException.ThrowIfNull(standing);
        var status = standing.LastFailed ? "FAILED" : standing.NeverProven ? "NEVER PROVEN" : standing.Breached(now) ? "STALE" : standing.Due(now, dueFraction) ? "due" : "fresh";
        var measured = standing.History.Where(h => h.RtoSeconds is not null).ToList();
        var tier = standing.Database.Tier;
        return new FleetEntry(
            standing.Database.Application, tier.Name, standing.Database.Team, standing.Database.Objective.TotalDays,
            standing.LastPass?.FinishedAt, standing.Age(now)?.TotalDays, status,
            measured.LastOrDefault()?.RtoSeconds, standing.History.LastOrDefault(h => h.RpoSeconds is not null)?.RpoSeconds,
            [.. measured.TakeLast(TrendRuns).Select(h => h.RtoSeconds!.Value)])
        {
            LastProjectedRtoSeconds = measured.LastOrDefault()?.ProjectedRtoSeconds,
            RtoBudgetSeconds = tier.RtoBudget.TotalSeconds,
            RpoBudgetSeconds = tier.RpoBudget.TotalSeconds,
        };
    }

    private static string Verdict(double? value, double budget) => value is not { } v ? NotMeasured : v > budget ? OverBudget : WithinBudget;
}
