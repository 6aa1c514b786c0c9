namespace PgPlatform.Stacks.Drills;

/// <summary>One drill, written once against the target interfaces so every target runs the same code.</summary>
public interface IDrill
{
    /// <summary>Which drill this is.</summary>
    DrillKind Kind { get; }

    /// <summary>Runs the drill, recording every check and measurement in <paramref name="recorder"/>. An exception is a failed drill.</summary>
    Task RunAsync(DrillContext context, DrillRecorder recorder, CancellationToken cancellationToken);
}
