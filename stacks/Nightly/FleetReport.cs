namespace PgPlatform.Stacks.Nightly;

/// <summary>A nightly run over every application of a stack.</summary>
public sealed record FleetReport
{
    /// <summary>The stack whose applications were drilled.</summary>
    public required string Stack { get; init; }

    /// <summary>When the night started.</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>Each application, in the stack's order.</summary>
    public required IReadOnlyList<ApplicationRun> Applications { get; init; }

    /// <summary>True when there was at least one application and every one passed.</summary>
    public bool Passed => Applications.Count > 0 && Applications.All(a => a.Passed);
}
