namespace PgPlatform.Components.Vocabulary;

/// <summary>
/// The alert classes every database gets (DESIGN.md, plus the classes the CNPG cluster chart's alerts cover that
/// ours lacked, issue 12); each rule carries one as its <c>alert_class</c> label.
/// </summary>
public static class AlertClass
{
    /// <summary>No instance reports PostgreSQL up, or an instance's metrics are missing (CNPGClusterOffline, CNPGInstanceMetricsAbsent).</summary>
    public const string ClusterOffline = "cluster-offline";

    /// <summary>Fewer standbys stream from the primary than the cluster declares (CNPGClusterHAWarning/HACritical).</summary>
    public const string HaDegraded = "ha-degraded";

    /// <summary>A standby whose WAL receiver stopped: it no longer replicates, and its lag reads 0.</summary>
    public const string ReplicaFailing = "replica-failing";

    /// <summary>Replicas falling behind the primary.</summary>
    public const string ReplicationLag = "replication-lag";

    /// <summary>WAL segments failing, or hanging, on their way to the object store.</summary>
    public const string WalArchiving = "wal-archiving";

    /// <summary>Newest base backup older than the schedule allows, none ever taken, or backup metrics gone.</summary>
    public const string BackupAge = "backup-age";

    /// <summary>Volumes filling up.</summary>
    public const string DiskSaturation = "disk-saturation";

    /// <summary>Connections close to <c>max_connections</c> (CNPGClusterHighConnectionsWarning).</summary>
    public const string Connections = "high-connections";

    /// <summary>Transaction-ID age approaching wraparound.</summary>
    public const string TransactionIdAge = "transaction-id-age";

    /// <summary>A transaction open for minutes: holds locks and stops vacuum.</summary>
    public const string LongTransactions = "long-running-transactions";

    /// <summary>A failover or switchover happened.</summary>
    public const string Failover = "failover";

    /// <summary>Certificates or credentials about to expire.</summary>
    public const string Expiry = "certificate-secret-expiry";

    /// <summary>External Secrets failing to sync the credentials.</summary>
    public const string ExternalSecretsSync = "external-secrets-sync";

    /// <summary>The object store rejecting backups.</summary>
    public const string ObjectStore = "object-store";

    /// <summary>All classes, in order.</summary>
    public static IReadOnlyList<string> All { get; } =
        [ClusterOffline, HaDegraded, ReplicaFailing, ReplicationLag, WalArchiving, BackupAge, DiskSaturation, Connections, TransactionIdAge, LongTransactions, Failover, Expiry, ExternalSecretsSync, ObjectStore];

    /// <summary>Classes about standbys: a one-instance cluster has none, so it gets no rule of these classes.</summary>
    public static IReadOnlyList<string> ReplicaClasses { get; } = [HaDegraded, ReplicaFailing, ReplicationLag];

    /// <summary>The classes a Cluster of <paramref name="instances"/> instances must be covered for.</summary>
    public static IEnumerable<string> For(int instances) => instances > 1 ? All : All.Except(ReplicaClasses);
}
