using PgPlatform.Stacks.Targets;

namespace PgPlatform.Stacks.Drills;

/// <summary>What a fault of the alerts drill acts on: the target, its monitoring, and the roles when its stage began.</summary>
/// <param name="Target">The target.</param>
/// <param name="Monitoring">The running monitoring.</param>
/// <param name="Primary">The member accepting writes when the stage began.</param>
/// <param name="Replicas">The other members, in declaration order.</param>
/// <param name="Log">Where the fault says what it did.</param>
public sealed record AlertFaultContext(IAlertTarget Target, IAlertMonitoring Monitoring, ClusterMember Primary, IReadOnlyList<ClusterMember> Replicas, Action<string> Log);
