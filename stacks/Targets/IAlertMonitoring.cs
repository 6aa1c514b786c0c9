namespace PgPlatform.Stacks.Targets;

/// <summary>A running Prometheus and Alertmanager with the stack's rules, and the receiver their notifications reach.</summary>
public interface IAlertMonitoring : IAsyncDisposable
{
    /// <summary>One line naming what runs where (Prometheus, Alertmanager, receiver, scrape and evaluation intervals).</summary>
    string Description { get; }

    /// <summary>What a notification may take beyond the rule's <c>for</c>: scrape, evaluation, Alertmanager's group wait and the fault taking effect.</summary>
    TimeSpan DeliveryMargin { get; }

    /// <summary>The pod label the metrics of <paramref name="member"/> carry.</summary>
    string PodOf(ClusterMember member);

    /// <summary>The alerts Prometheus evaluates as pending or firing now (its alerts API).</summary>
    Task<IReadOnlyList<ActiveAlert>> ActiveAlertsAsync(CancellationToken cancellationToken);

    /// <summary>Every notification the receiver got so far, in arrival order.</summary>
    IReadOnlyList<AlertDelivery> Deliveries { get; }

    /// <summary>Null when Alertmanager answers its health check and Prometheus has it as an active Alertmanager; otherwise why delivery is broken.</summary>
    Task<string?> DeliveryProblemAsync(CancellationToken cancellationToken);

    /// <summary>Stops the metrics exporter of <paramref name="member"/> (its metrics vanish; the instance keeps running).</summary>
    void StopExporter(ClusterMember member);

    /// <summary>Stops Alertmanager (to prove the drill notices broken delivery).</summary>
    void StopAlertmanager();

    /// <summary>Runs one scheduled base backup as the backup plugin would, recording its success or failure time in the backup metrics; true when it succeeded.</summary>
    Task<bool> RunScheduledBackupAsync(CancellationToken cancellationToken);
}
