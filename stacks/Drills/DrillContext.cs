using PgPlatform.Stacks.Targets;

namespace PgPlatform.Stacks.Drills;

/// <summary>What a drill runs against: the target, the run's fault, and where progress goes.</summary>
/// <param name="Target">The running target.</param>
/// <param name="Fault">The fault injected into this run (the drill applies it only if it is affected).</param>
/// <param name="Log">Live progress.</param>
/// <param name="Application">The application whose schema the restore drill migrates, seeds and smoke-tests; null drills the platform's data only.</param>
public sealed record DrillContext(IDrillTarget Target, Fault Fault, DrillLog Log, DrillApplication? Application = null);
