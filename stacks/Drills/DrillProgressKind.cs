namespace PgPlatform.Stacks.Drills;

/// <summary>What a <see cref="DrillProgressEvent"/> says happened.</summary>
public enum DrillProgressKind
{
    /// <summary>A line of progress (a target message, a drill's phase or measurement).</summary>
    Message,

    /// <summary>The drills a database is about to get (<see cref="DrillProgressEvent.Drills"/>), not started yet.</summary>
    Planned,

    /// <summary>A drill (<see cref="DrillProgressEvent.Drill"/>) started.</summary>
    DrillStarted,

    /// <summary>A drill finished, with its outcome, duration and reason.</summary>
    DrillFinished,

    /// <summary>A database's turn ended: its drills finished or never ran (<see cref="DrillProgressEvent.Reason"/> says why).</summary>
    DatabaseFinished,
}
