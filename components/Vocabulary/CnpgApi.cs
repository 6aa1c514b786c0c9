namespace PgPlatform.Components.Vocabulary;

/// <summary>
/// CloudNativePG's API as pg-platform emits and drives it (CNPG 1.30; <c>../shared/schemas/crds</c>,
/// cloudnative-pg/cloudnative-pg <c>api/v1/</c>). The only place these names are spelled.
/// </summary>
public static class CnpgApi
{
    /// <summary>API group.</summary>
    public const string Group = "postgresql.cnpg.io";

    /// <summary>API version.</summary>
    public const string Version = "v1";

    /// <summary><c>apiVersion</c> of every CNPG object.</summary>
    public const string ApiVersion = Group + "/" + Version;

    /// <summary>Kind of a cluster.</summary>
    public const string ClusterKind = "Cluster";

    /// <summary>Plural resource of <see cref="ClusterKind"/>.</summary>
    public const string Clusters = "clusters";

    /// <summary>Kind of a scheduled backup.</summary>
    public const string ScheduledBackupKind = "ScheduledBackup";

    /// <summary>Plural resource of <see cref="ScheduledBackupKind"/>.</summary>
    public const string ScheduledBackups = "scheduledbackups";

    /// <summary>Kind of an on-demand backup.</summary>
    public const string BackupKind = "Backup";

    /// <summary>Plural resource of <see cref="BackupKind"/>.</summary>
    public const string Backups = "backups";

    /// <summary>Pod label naming the pod's cluster (set by the operator).</summary>
    public const string ClusterLabel = "cnpg.io/cluster";

    /// <summary>Pod label telling instances from other pods (value <see cref="InstanceRole"/>).</summary>
    public const string PodRoleLabel = "cnpg.io/podRole";

    /// <summary>Value of <see cref="PodRoleLabel"/> on instance pods.</summary>
    public const string InstanceRole = "instance";

    /// <summary>Label on a Secret or ConfigMap that makes the operator reload the cluster when it changes.</summary>
    public const string ReloadLabel = "cnpg.io/reload";

    /// <summary>Name of the metrics port on instance pods.</summary>
    public const string MetricsPort = "metrics";

    /// <summary>The read-write Service CNPG creates for <paramref name="cluster"/> (follows the primary).</summary>
    public static string ReadWriteService(string cluster) => $"{cluster}-rw";

    /// <summary>The read-only Service CNPG creates for <paramref name="cluster"/> (replicas only).</summary>
    public static string ReadOnlyService(string cluster) => $"{cluster}-ro";
}
