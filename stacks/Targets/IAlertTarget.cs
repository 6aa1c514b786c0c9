namespace PgPlatform.Stacks.Targets;

/// <summary>
/// A target that can run the monitoring the stack deploys (Prometheus with the stack's rules, Alertmanager routing
/// to a receiver the drill reads) and inject the faults the alerts drill needs besides killing the primary and
/// breaking the object store.
/// </summary>
public interface IAlertTarget : IFailoverTarget, IBackupTarget
{
    /// <summary>The rules deployed with the target (the stack's PrometheusRules for this database); null when none were.</summary>
    AlertRules? AlertRules { get; set; }

    /// <summary>Starts the monitoring with <see cref="AlertRules"/> and returns once Prometheus scrapes every target and has loaded the rules.</summary>
    Task<IAlertMonitoring> StartMonitoringAsync(CancellationToken cancellationToken);

    /// <summary>Stops <paramref name="member"/> (its agent and its PostgreSQL) and leaves it down.</summary>
    Task StopMemberAsync(ClusterMember member, CancellationToken cancellationToken);
}
