using PgPlatform.Components.Tiers;
using PgPlatform.Stacks.Nightly.Scheduling;

namespace PgPlatform.Stacks.Tests.Nightly.Scheduling;

/// <summary>Databases and evidence for scheduler tests, at a fixed time.</summary>
public static class SchedulingSamples
{
    /// <summary>Tonight, 22:00 UTC.</summary>
    public static readonly DateTimeOffset Now = new(2026, 12, 1, 22, 0, 0, TimeSpan.Zero);

    /// <summary>A production database of stack <c>prod</c> (objective 7 d).</summary>
    public static FleetDatabase Db(string application, TierProfile? tier = null, string stack = "prod") =>
        new(stack, application, "team-a", tier ?? TierProfiles.Production, new DrillFootprint(1.5, 3, 4));

    /// <summary>Evidence of <paramref name="application"/> that ended <paramref name="daysAgo"/> days before <see cref="Now"/>.</summary>
    public static EvidenceSummary Proof(string application, double daysAgo, bool passed = true, double minutes = 20, double? rto = 30, string stack = "prod") =>
        new(stack, application, $"run-{application}-{daysAgo}", Now - TimeSpan.FromDays(daysAgo) - TimeSpan.FromMinutes(minutes), minutes * 60, passed, rto, passed ? 0 : null);
}
