namespace PgPlatform.Components.Vocabulary;

/// <summary>The alert classes every database gets (DESIGN.md); each rule carries one as its <c>alert_class</c> label.</summary>
public static class AlertClass
{
    /// <summary>Replicas falling behind the primary.</summary>
    public const string ReplicationLag = "replication-lag";

    /// <summary>WAL segments failing to reach the object store.</summary>
    public const string WalArchiving = "wal-archiving";

    /// <summary>Newest base backup older than the schedule allows.</summary>
    public const string BackupAge = "backup-age";

    /// <summary>Volumes filling up.</summary>
    public const string DiskSaturation = "disk-saturation";

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
        [ReplicationLag, WalArchiving, BackupAge, DiskSaturation, Failover, Expiry, ExternalSecretsSync, ObjectStore];
}
