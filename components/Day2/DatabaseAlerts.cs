using PgPlatform.Components.Kubernetes.Crds.Monitoring;
using PgPlatform.Components.Tiers;
using PgPlatform.Components.Vocabulary;

namespace PgPlatform.Components.Day2;

/// <summary>The PrometheusRule of one database: one alert per <see cref="AlertClass"/>, scoped to the cluster's namespace and pods.</summary>
public static class DatabaseAlerts
{
    /// <summary>Rules for cluster <paramref name="cluster"/> in <paramref name="ns"/>.</summary>
    public static PrometheusRuleSpec For(string cluster, string ns, string app, string schedule, TierProfile tier)
    {
        var pods = $"namespace=\"{ns}\",pod=~\"{cluster}-[0-9]+\"";
        var severity = tier.AlertSeverity;
        var maxBackupAgeHours = BackupPeriodHours(schedule) * 2 + 2;
        AlertRule Rule(string alert, string alertClass, string expr, string forDuration, string summary) => new()
        {
            Alert = alert,
            Expr = expr,
            For = forDuration,
            Labels = new Dictionary<string, string> { ["severity"] = severity, ["alert_class"] = alertClass, ["app"] = app, ["tier"] = tier.Name },
            Annotations = new Dictionary<string, string>
            {
                ["summary"] = summary,
                ["description"] = $"{summary} (cluster {cluster} in {ns}; pod {{{{ $labels.pod }}}}, value {{{{ $value }}}}).",
            },
        };

        return new PrometheusRuleSpec
        {
            Groups =
            [
                new RuleGroup
                {
                    Name = $"{cluster}.rules",
                    Rules =
                    [
                        Rule("PgReplicationLagHigh", AlertClass.ReplicationLag, $"max by (pod) (cnpg_pg_replication_lag{{{pods}}}) > 30", "5m", "A replica is more than 30 s behind the primary"),
                        Rule("PgWalArchivingFailing", AlertClass.WalArchiving, $"increase(cnpg_pg_stat_archiver_failed_count{{{pods}}}[10m]) > 0", "5m", "WAL archiving to the object store is failing"),
                        Rule("PgBackupTooOld", AlertClass.BackupAge, $"time() - max(barman_cloud_cloudnative_pg_io_last_available_backup_timestamp{{{pods}}}) > {maxBackupAgeHours * 3600}", "15m", $"The newest base backup is older than {maxBackupAgeHours} h"),
                        Rule("PgDiskAlmostFull", AlertClass.DiskSaturation, $"max by (persistentvolumeclaim) (1 - kubelet_volume_stats_available_bytes{{namespace=\"{ns}\",persistentvolumeclaim=~\"{cluster}-[0-9]+(-wal)?\"}} / kubelet_volume_stats_capacity_bytes{{namespace=\"{ns}\",persistentvolumeclaim=~\"{cluster}-[0-9]+(-wal)?\"}}) > 0.85", "10m", "A database volume is more than 85% full"),
                        Rule("PgFailoverHappened", AlertClass.Failover, $"changes(cnpg_pg_replication_in_recovery{{{pods}}}[15m]) > 0", "0m", "An instance changed role: a failover or switchover happened"),
                        Rule("PgCertificateExpiringSoon", AlertClass.Expiry, $"min(certmanager_certificate_expiration_timestamp_seconds{{namespace=~\"{ns}|cnpg-system\",name=~\"{cluster}.*|barman-cloud.*\"}}) - time() < 14 * 86400", "1h", "A certificate expires within 14 days"),
                        Rule("PgCredentialsSyncFailing", AlertClass.ExternalSecretsSync, $"max(externalsecret_status_condition{{namespace=\"{ns}\",name=\"{cluster}-owner\",condition=\"Ready\",status=\"False\"}}) == 1", "15m", "External Secrets cannot sync the database credentials from Key Vault"),
                        Rule("PgObjectStoreBackupFailing", AlertClass.ObjectStore, $"max(barman_cloud_cloudnative_pg_io_last_failed_backup_timestamp{{{pods}}}) > max(barman_cloud_cloudnative_pg_io_last_available_backup_timestamp{{{pods}}})", "5m", "The last backup to the object store failed"),
                    ],
                },
            ],
        };
    }

    private static int BackupPeriodHours(string schedule)
    {
        var fields = schedule.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return fields.Length == 6 && fields[2] == "*" ? 1 : 24;
    }
}
