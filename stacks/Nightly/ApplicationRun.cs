using PgPlatform.Stacks.Evidence;

namespace PgPlatform.Stacks.Nightly;

/// <summary>One application's night: its drills' evidence, or why none could run.</summary>
/// <param name="Application">The application.</param>
/// <param name="Run">The drills' evidence; null when the stack or target never came up.</param>
/// <param name="Error">Why the drills did not run or the stack was not torn down; null when all went to plan.</param>
public sealed record ApplicationRun(string Application, RunEvidence? Run, string? Error)
{
    /// <summary>True only when every drill ran and passed and nothing else went wrong.</summary>
    public bool Passed => Error is null && Run is { Passed: true };

    /// <summary>When the application's turn started (stack up included); null when not recorded.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>How long its turn took, stack up to teardown, in seconds; 0 when not recorded.</summary>
    public double DurationSeconds { get; init; }
}
