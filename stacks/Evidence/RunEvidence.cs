namespace PgPlatform.Stacks.Evidence;

/// <summary>One <c>drill</c> run: the target's life and every drill's evidence.</summary>
public sealed record RunEvidence
{
    /// <summary>The target (<c>local</c>).</summary>
    public required string Target { get; init; }

    /// <summary>The fault injected, or <c>none</c>.</summary>
    public required string Fault { get; init; }

    /// <summary>When the run started.</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>
    /// True when at least one drill passed, every other one passed or did not apply (none failed or was left not
    /// run), and the target was torn down.
    /// </summary>
    public bool Passed => Drills.Any(d => d.Passed) && Drills.All(d => d.Outcome is DrillOutcome.Passed or DrillOutcome.NotApplicable) && TeardownError is null;

    /// <summary>Why tearing the target down failed after the drills ran (what may remain and how to remove it); null when it succeeded.</summary>
    public string? TeardownError { get; init; }

    /// <summary>Each drill's evidence, in the order run.</summary>
    public required IReadOnlyList<DrillEvidence> Drills { get; init; }

    /// <summary>What the drilled cluster was and how it was shaped; null when the target does not describe itself.</summary>
    public TargetShape? Shape { get; init; }

    /// <summary>Run-level phases: target start, each drill, teardown.</summary>
    public required IReadOnlyList<PhaseTiming> Timings { get; init; }
}
