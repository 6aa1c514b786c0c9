using PgPlatform.Stacks.Evidence;
using PgPlatform.Stacks.Nightly;

namespace PgPlatform.Infra.Tests.Reports;

/// <summary>Evidence as the drills write it, for results-table and progress tests.</summary>
internal static class ResultSamples
{
    private static readonly DateTimeOffset Night = new(2026, 3, 14, 2, 0, 0, TimeSpan.Zero);

    /// <summary>A drill's evidence.</summary>
    public static DrillEvidence Drill(string drill, DrillOutcome outcome, double seconds, string reason, double? rto = null, double? rpo = null) => new()
    {
        Drill = drill,
        Target = "local",
        Fault = "none",
        Outcome = outcome,
        NotApplicableReason = outcome == DrillOutcome.NotApplicable ? reason : null,
        Reason = outcome == DrillOutcome.NotApplicable ? $"not applicable: {reason}" : reason,
        StartedAt = Night,
        DurationSeconds = seconds,
        RtoSeconds = rto,
        RpoSeconds = rpo,
        RpoRows = rpo is null ? null : 0,
        OperatorVersion = "Patroni 4.0.4",
        PostgresImage = "PostgreSQL 15",
        StorageClass = "local disk",
    };

    /// <summary>One database's run.</summary>
    public static RunEvidence Run(params DrillEvidence[] drills) => new() { Target = "local", Fault = "none", StartedAt = Night, Drills = drills, Timings = [] };

    /// <summary>A night: linkding passed (failover not applicable), wikijs failed its rotation, gitea never got a target.</summary>
    public static FleetReport Night3() => new()
    {
        Stack = "dev",
        StartedAt = Night,
        Applications =
        [
            new ApplicationRun("linkding", Run(Drill("failover", DrillOutcome.NotApplicable, 0, "1 instance (tier development)"), Drill("restore", DrillOutcome.Passed, 41.3, "restored 1200 rows", rto: 12.5, rpo: 0.25)), null),
            new ApplicationRun("wikijs", Run(Drill("rotation", DrillOutcome.Failed, 3.5, "the old password still logs in")), null),
            new ApplicationRun("gitea", null, "target unavailable: etcd did not start") { DurationSeconds = 2 },
        ],
    };
}
