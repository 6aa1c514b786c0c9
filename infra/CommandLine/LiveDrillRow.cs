using PgPlatform.Stacks.Evidence;

namespace PgPlatform.Infra.CommandLine;

/// <summary>One database x drill of a live view, as events left it.</summary>
/// <param name="database">The database (application), or the run's label.</param>
/// <param name="drill">The drill's name.</param>
public sealed class LiveDrillRow(string database, string drill)
{
    /// <summary>The database (application), or the run's label.</summary>
    public string Database { get; } = database;

    /// <summary>The drill's name.</summary>
    public string Drill { get; } = drill;

    /// <summary>When the drill started (<see cref="TimeProvider.GetTimestamp"/>); null while pending.</summary>
    public long? StartedAt { get; set; }

    /// <summary>How it ended; null while pending or running.</summary>
    public DrillOutcome? Outcome { get; set; }

    /// <summary>How long it took, once finished.</summary>
    public double? DurationSeconds { get; set; }

    /// <summary>The drill's latest line while it runs; why it failed, did not apply or was not run once it ended.</summary>
    public string Detail { get; set; } = "";

    /// <summary>True once the drill started and until it ended.</summary>
    public bool Running => StartedAt is not null && Outcome is null;

    /// <summary>True until the drill started or was marked not run.</summary>
    public bool Pending => StartedAt is null && Outcome is null;
}
