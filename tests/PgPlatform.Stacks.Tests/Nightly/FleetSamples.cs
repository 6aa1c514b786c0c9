using PgPlatform.Stacks.Evidence;
using PgPlatform.Stacks.Nightly;

namespace PgPlatform.Stacks.Tests.Nightly;

/// <summary>Evidence as the drills write it, for report tests.</summary>
public static class FleetSamples
{
    /// <summary>When the sample night started.</summary>
    public static readonly DateTimeOffset Night = new(2026, 3, 14, 2, 0, 0, TimeSpan.Zero);

    /// <summary>A drill's evidence.</summary>
    public static DrillEvidence Drill(string drill, bool passed, double startOffsetSeconds, double? rto = null, double? rpo = null, string? reason = null) => new()
    {
        Drill = drill,
        Target = "kubernetes",
        Fault = "none",
        Outcome = passed ? DrillOutcome.Passed : DrillOutcome.Failed,
        Reason = reason ?? (passed ? $"{drill} observed" : $"{drill} broke"),
        StartedAt = Night.AddSeconds(startOffsetSeconds),
        DurationSeconds = 10,
        RtoSeconds = rto,
        RpoSeconds = rpo,
        RpoRows = rpo is null ? null : 0,
        OperatorVersion = "cloudnative-pg 1.30.0",
        PostgresImage = "ghcr.io/cloudnative-pg/postgresql:17.5",
        StorageClass = "pgp-ephemeral",
    };

    /// <summary>A night of three applications: linkding passed, wikijs failed its rotation, gitea never got a target.</summary>
    public static FleetReport Report() => new()
    {
        Stack = "dev",
        StartedAt = Night,
        Applications =
        [
            new ApplicationRun("linkding", Run(Drill("failover", true, 100, rto: 4.25), Drill("rotation", true, 200)), null),
            new ApplicationRun("wikijs", Run(Drill("failover", true, 400, rto: 6.5, rpo: 0.125), Drill("rotation", false, 500, reason: "the old password still logs in")), null),
            new ApplicationRun("gitea", null, "Cluster gitea-nightly-0a0b0c/gitea-db Ready: not reached within 600 s (phase 'Setting up primary')"),
        ],
    };

    private static RunEvidence Run(params DrillEvidence[] drills) => new() { Target = "kubernetes", Fault = "none", StartedAt = Night, Drills = drills, Timings = [] };
}
