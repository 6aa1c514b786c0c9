using PgPlatform.Stacks.Evidence;

namespace PgPlatform.Stacks.Drills;

/// <summary>
/// One thing that happened in a run. <see cref="Speaker"/> and <see cref="Message"/> are the plain log line
/// (<c>database scope: message</c>), null for events a log shows no line for; the other fields are what a live view needs.
/// </summary>
/// <param name="Kind">What happened.</param>
/// <param name="Database">The database (application) the event belongs to; null for run-wide events.</param>
/// <param name="Scope">Who speaks: <c>target</c>, <c>nightly</c>, a drill's name, <c>stack NAME</c>.</param>
/// <param name="Message">The line's text; null when the plain log shows nothing for this event.</param>
public sealed record DrillProgressEvent(DrillProgressKind Kind, string? Database, string Scope, string? Message)
{
    /// <summary>
    /// Who the line names: the scope after its database (<c>linkding failover</c>), so lines of databases drilled at once
    /// can be told apart; the scope alone for run-wide events and the nightly's own lines, which name the database themselves.
    /// </summary>
    public string Speaker => Database is { } database && Scope != "nightly" ? $"{database} {Scope}" : Scope;

    /// <summary>The drill's name (<see cref="DrillNames.Name(DrillKind)"/>) for drill events; null otherwise.</summary>
    public string? Drill { get; init; }

    /// <summary>The drills of a <see cref="DrillProgressKind.Planned"/> event, by name, in run order.</summary>
    public IReadOnlyList<string> Drills { get; init; } = [];

    /// <summary>How a finished drill ended; null for other events.</summary>
    public DrillOutcome? Outcome { get; init; }

    /// <summary>How long a finished drill took, in seconds.</summary>
    public double? DurationSeconds { get; init; }

    /// <summary>Why a drill failed, did not apply or was not run; why a database's drills never ran; null otherwise.</summary>
    public string? Reason { get; init; }

    /// <summary>For <see cref="DrillProgressKind.DatabaseFinished"/>: whether the database passed.</summary>
    public bool Passed { get; init; }
}
