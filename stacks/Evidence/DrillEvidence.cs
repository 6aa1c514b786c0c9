namespace PgPlatform.Stacks.Evidence;

/// <summary>
/// What one drill observed, with the fields DESIGN.md asks every evidence record for. A field that does not
/// apply to a drill says so ("not applicable") rather than being left out.
/// </summary>
public sealed record DrillEvidence
{
    /// <summary>Text for a field the drill does not produce.</summary>
    public const string NotApplicable = "not applicable";

    /// <summary>The drill (<c>failover</c>, <c>restore</c>, <c>rotation</c>, <c>backup</c>).</summary>
    public required string Drill { get; init; }

    /// <summary>The target it ran on.</summary>
    public required string Target { get; init; }

    /// <summary>The fault injected into this drill, or <c>none</c>.</summary>
    public required string Fault { get; init; }

    /// <summary>How the drill ended: passed, failed, not applicable or not run.</summary>
    public required DrillOutcome Outcome { get; init; }

    /// <summary>
    /// Why the drill does not apply to this cluster (<c>1 instance (tier development)</c>); null when it does. A drill
    /// that does not apply is never <see cref="Passed"/>, and does not fail its run either.
    /// </summary>
    public string? NotApplicableReason { get; init; }

    /// <summary>True only when every check the drill made was observed to pass (<see cref="DrillOutcome.Passed"/>).</summary>
    public bool Passed => Outcome == DrillOutcome.Passed;

    /// <summary>The result as reports print it: <c>passed</c>, <c>FAILED</c>, <c>not applicable</c> or <c>NOT RUN</c>.</summary>
    public string Status => EvidenceWriter.Result(Outcome);

    /// <summary>Why it passed (what was observed), failed (every failed check), did not apply or was not run.</summary>
    public required string Reason { get; init; }

    /// <summary>When the drill started.</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>How long it took, in seconds.</summary>
    public required double DurationSeconds { get; init; }

    /// <summary>The base backup the drill used.</summary>
    public string BackupId { get; init; } = NotApplicable;

    /// <summary>Where the restore went (a namespace, a data directory).</summary>
    public string RestoreNamespace { get; init; } = NotApplicable;

    /// <summary>When the restore started.</summary>
    public DateTimeOffset? RestoreStartedAt { get; init; }

    /// <summary>Whether the application's migrations ran against the restored cluster.</summary>
    public string ApplicationMigration { get; init; } = NotApplicable;

    /// <summary>Observed recovery time: restore start to the first read-write query, in seconds.</summary>
    public double? RtoSeconds { get; init; }

    /// <summary>
    /// Recovery time projected to the declared storage size (a full volume), in seconds: what the tier's RTO budget is
    /// compared with. Null when the drill did not project one (no declared tier, or the target does not separate the
    /// base backup from WAL replay).
    /// </summary>
    public double? ProjectedRtoSeconds { get; init; }

    /// <summary>Observed recovery point: committed rows missing after recovery.</summary>
    public long? RpoRows { get; init; }

    /// <summary>Observed recovery point: time between the last committed and the last recovered row, in seconds.</summary>
    public double? RpoSeconds { get; init; }

    /// <summary>What manages the cluster, with its version.</summary>
    public required string OperatorVersion { get; init; }

    /// <summary>The PostgreSQL image or build.</summary>
    public required string PostgresImage { get; init; }

    /// <summary>Where data lives.</summary>
    public required string StorageClass { get; init; }

    /// <summary>The drill's own numbers (promotion time, write gap, lost rows, sessions, ...), in the order measured.</summary>
    public IReadOnlyList<Measurement> Measurements { get; init; } = [];

    /// <summary>Where the time went, phase by phase.</summary>
    public IReadOnlyList<PhaseTiming> Timings { get; init; } = [];
}
