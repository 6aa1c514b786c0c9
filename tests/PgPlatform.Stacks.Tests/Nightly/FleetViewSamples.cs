using PgPlatform.Components.Tiers;
using PgPlatform.Stacks.Nightly;
using PgPlatform.Stacks.Nightly.Scheduling;

namespace PgPlatform.Stacks.Tests.Nightly;

/// <summary>A fleet view of three databases with restore evidence: one within budget, one over, one never drilled.</summary>
public static class FleetViewSamples
{
    /// <summary>When the view is evaluated.</summary>
    public static readonly DateTimeOffset Now = new(2026, 12, 1, 22, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// linkding (production): three restores, RTO 5, 6 and 7.5 s, the last projected to 412 s, RPO 0 s (within budget).
    /// wikijs (production): one restore, RTO 9 s projected to 2400 s, RPO 400 s (both over budget). gitea (development): never drilled.
    /// </summary>
    public static FleetReport Report()
    {
        var linkding = Standing("linkding", TierProfiles.Production,
            Run("linkding", 3, 5, null, 0.1), Run("linkding", 2, 6, 390, 0.1), Run("linkding", 1, 7.5, 412, 0));
        var wikijs = Standing("wikijs", TierProfiles.Production, Run("wikijs", 1, 9, 2400, 400));
        var gitea = Standing("gitea", TierProfiles.Development);
        return new FleetReport { Stack = "mixed", StartedAt = Now, EvaluatedAt = Now, Applications = [], Standings = [linkding, wikijs, gitea] };
    }

    private static DatabaseStanding Standing(string application, TierProfile tier, params EvidenceSummary[] history) =>
        NightlyScheduler.Standing(new FleetDatabase("mixed", application, "team-a", tier, new DrillFootprint(1, 2, 3)), history, new SchedulerOptions());

    private static EvidenceSummary Run(string application, double daysAgo, double rto, double? projected, double rpo) =>
        new("mixed", application, $"run-{daysAgo}", Now.AddDays(-daysAgo), 600, true, rto, rpo) { ProjectedRtoSeconds = projected };
}
