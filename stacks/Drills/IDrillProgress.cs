namespace PgPlatform.Stacks.Drills;

/// <summary>
/// Where a run's progress goes: every <see cref="DrillLog"/> call arrives here as one typed event. Implementations
/// must accept events from several tasks at once (drills write while their continuous writers run).
/// </summary>
public interface IDrillProgress
{
    /// <summary>Takes one event.</summary>
    void Report(DrillProgressEvent progress);
}
