using PgPlatform.Components.Kubernetes.Crds.Monitoring;
using PgPlatform.Components.Tiers;
using PgPlatform.Components.Vocabulary;

namespace PgPlatform.Components.Day2;

/// <summary>
/// The PrometheusRule of one database: alerts for every <see cref="AlertClass"/>, scoped to the cluster's namespace
/// and pods. Metric names are CNPG's (the instance manager's <c>cnpg_collector_*</c> and its default monitoring
/// queries, <c>cnpg_pg_*</c>, <c>cnpg_backends_*</c>), the Barman Cloud plugin's (<c>barman_cloud_cloudnative_pg_io_*</c>),
/// the kubelet's, cert-manager's and External Secrets'. Thresholds follow the CNPG cluster chart's alerts
/// (charts/cluster/prometheus_rules) where it has one. Only the tier's severity pages; the rest are always warnings.
/// </summary>
public static class DatabaseAlerts
{
    /// <summary>Rules for cluster <paramref name="cluster"/> of <paramref name="instances"/> instances in <paramref name="ns"/>.</summary>
    public static PrometheusRuleSpec For(string cluster, string ns, string app, string schedule, TierProfile tier, int instances)
    {
        var pods = $"namespace=\"{ns}\",pod=~\"{cluster}-[0-9]+\"";
        string M(string metric, string extra = "") => $"{metric}{{{pods}{(extra.Length > 0 ? "," + extra : "")}}}";
        var page = tier.AlertSeverity;
        const string Warn = "warning";
        var maxBackupAgeHours = BackupPeriodHours(schedule) * 2 + 2;
        var where = $"cluster {cluster} in namespace {ns}";
        AlertRule Rule(string alert, string alertClass, string severity, string expr, string forDuration, string summary, string description) => new()
        {
            Alert = alert,
            Expr = expr,
            For = forDuration,
            Labels = new Dictionary<string, string> { ["severity"] = severity, ["alert_class"] = alertClass, ["app"] = app, ["tier"] = tier.Name, ["cluster"] = cluster },
            Annotations = new Dictionary<string, string> { ["summary"] = summary, ["description"] = description },
        };

        var rules = new List<AlertRule>
        {
            // CNPGClusterOffline: cnpg_collector_up is 1 while the instance manager reaches PostgreSQL; no series at all
            // (scrape broken, pods gone) counts as offline too, or every other alert here would go silent with it.
            Rule("PgClusterOffline", AlertClass.ClusterOffline, page, $"(count({M("cnpg_collector_up")} == 1) or on() vector(0)) == 0", "5m",
                $"Database {where} is offline",
                $"No instance of {where} has reported PostgreSQL up for 5 minutes: the database is down or no longer scraped, and its other alerts are blind."),
            // CNPGInstanceMetricsAbsent: a dead or unscraped instance exports nothing, so count the targets that answer.
            Rule("PgInstanceMetricsAbsent", AlertClass.ClusterOffline, Warn, $"(count({M("up")} == 1) or on() vector(0)) < {instances}", "5m",
                $"An instance of {where} is not scraped",
                $$$"""Only {{ $value }} of {{{instances}}} instances of {{{where}}} answer the metrics scrape.""")
        };
        if (instances > 1)
        {
            // CNPG's pg_replication query: streaming_replicas counts pg_stat_replication rows on the primary.
            rules.Add(Rule("PgHaDegraded", AlertClass.HaDegraded, Warn, $"max({M("cnpg_pg_replication_streaming_replicas")}) < {instances - 1}", "10m",
                $"High availability of {where} is degraded",
                $$$"""The primary of {{{where}}} streams to {{ $value }} standby(s) of the {{{instances - 1}}} declared."""));
            rules.Add(Rule("PgNoStandby", AlertClass.HaDegraded, page, $"max({M("cnpg_pg_replication_streaming_replicas")}) < 1", "5m",
                $"No standby streams from the primary of {where}",
                $"No standby of {where} has streamed for 5 minutes: one more failure loses the database. A planned switchover is over within seconds and does not fire."));
            // lag reads 0 once the WAL receiver stops, so a standby that stopped replicating is only visible here.
            rules.Add(Rule("PgReplicaNotReplicating", AlertClass.ReplicaFailing, Warn, $"{M("cnpg_pg_replication_in_recovery")} == 1 unless on(pod) {M("cnpg_pg_replication_is_wal_receiver_up")} == 1", "5m",
                $"A standby of {where} is not replicating",
                $$$"""Standby {{ $labels.pod }} of {{{where}}} has no running WAL receiver."""));
            rules.Add(Rule("PgReplicationLagHigh", AlertClass.ReplicationLag, Warn, $"max by (pod) ({M("cnpg_pg_replication_lag")}) > 30", "5m",
                $"A standby of {where} lags behind the primary",
                $$$"""Standby {{ $labels.pod }} of {{{where}}} replays WAL {{ $value | humanizeDuration }} behind the primary."""));
        }

        rules.AddRange(
        [
            // pg_stat_archiver as CNPG exports it (epoch seconds): the latest attempt failed and no retry succeeded
            // for 10 minutes. A single failure that a retry fixed moves last_archived_time past it and stays silent.
            Rule("PgWalArchivingFailing", AlertClass.WalArchiving, page, $"max by (pod) ({M("cnpg_pg_stat_archiver_last_failed_time")}) > max by (pod) ({M("cnpg_pg_stat_archiver_last_archived_time")})", "10m",
                $"WAL archiving of {where} is failing",
                $$$"""Instance {{ $labels.pod }} of {{{where}}} has failed to archive WAL since {{ $value | humanizeTimestamp }}: point-in-time recovery stops there."""),
            // A hanging archive_command never fails: .ready files pile up in pg_wal/archive_status (the instance
            // manager's cnpg_collector_pg_wal_archive_status{value="ready"}) while nothing is archived.
            Rule("PgWalArchivingStalled", AlertClass.WalArchiving, page, $"max by (pod) ({M("cnpg_collector_pg_wal_archive_status", "value=\"ready\"")}) > 0 and on(pod) max by (pod) ({M("cnpg_pg_stat_archiver_seconds_since_last_archival")}) > 900", "5m",
                $"WAL archiving of {where} is stalled",
                $$$"""Instance {{ $labels.pod }} of {{{where}}} has {{ $value }} WAL segment(s) waiting and archived nothing for 15 minutes."""),
            // A backup that never ran reads as timestamp 0, so "never started" fires here too.
            Rule("PgBackupTooOld", AlertClass.BackupAge, page, $"time() - max({M("barman_cloud_cloudnative_pg_io_last_available_backup_timestamp")}) > {maxBackupAgeHours * 3600}", "15m",
                $"The newest base backup of {where} is older than {maxBackupAgeHours} h",
                $$$"""The newest base backup of {{{where}}} is {{ $value | humanizeDuration }} old (the schedule allows {{{maxBackupAgeHours}}} h)."""),
            // When the plugin's metrics stop while the instances run, backup age is unknown: the GitLab outage's silence.
            Rule("PgBackupMetricsAbsent", AlertClass.BackupAge, page, $"absent({M("barman_cloud_cloudnative_pg_io_last_available_backup_timestamp")}) and on() count({M("cnpg_collector_up")} == 1) > 0", "1h",
                $"Backup metrics of {where} are missing",
                $"The Barman Cloud plugin reports no backup of {where} for an hour while the instances run: backup age is unknown."),
            Rule("PgObjectStoreBackupFailing", AlertClass.ObjectStore, page, $"max({M("barman_cloud_cloudnative_pg_io_last_failed_backup_timestamp")}) > max({M("barman_cloud_cloudnative_pg_io_last_available_backup_timestamp")})", "5m",
                $"The last backup of {where} failed",
                $$$"""The last base backup of {{{where}}} to the object store failed at {{ $value | humanizeTimestamp }}."""),
            Rule("PgDiskAlmostFull", AlertClass.DiskSaturation, Warn, $"{DiskUsage(cluster, ns)} > 0.85", "10m",
                $"A volume of {where} is filling up",
                $$$"""Volume {{ $labels.persistentvolumeclaim }} of {{{where}}} is {{ $value | humanizePercentage }} full."""),
            Rule("PgDiskFull", AlertClass.DiskSaturation, page, $"{DiskUsage(cluster, ns)} > 0.95", "5m",
                $"A volume of {where} is nearly full",
                $$$"""Volume {{ $labels.persistentvolumeclaim }} of {{{where}}} is {{ $value | humanizePercentage }} full: PostgreSQL stops when it is."""),
            Rule("PgDiskMetricsAbsent", AlertClass.DiskSaturation, Warn, $"absent(kubelet_volume_stats_capacity_bytes{{{Volumes(cluster, ns)}}})", "30m",
                $"Volume metrics of {where} are missing",
                $"The kubelet reports no volume of {where}: disk saturation is unknown."),
            // CNPGClusterHighConnectionsWarning: backends over max_connections from CNPG's backends and pg_settings queries.
            Rule("PgConnectionsHigh", AlertClass.Connections, Warn, $"sum by (pod) ({M("cnpg_backends_total")}) / max by (pod) ({M("cnpg_pg_settings_setting", "name=\"max_connections\"")}) > 0.8", "5m",
                $"Connections of {where} near max_connections",
                $$$"""Instance {{ $labels.pod }} of {{{where}}} uses {{ $value | humanizePercentage }} of max_connections."""),
            // Wraparound stops writes near 2^31; autovacuum freezes at 200 M by default, so 1 G means it is not keeping up.
            Rule("PgTransactionIdAgeHigh", AlertClass.TransactionIdAge, page, $"max by (pod, datname) ({M("cnpg_pg_database_xid_age")}) > 1000000000", "5m",
                $"Transaction IDs of {where} approach wraparound",
                $$$"""Database {{ $labels.datname }} on {{ $labels.pod }} of {{{where}}} has a transaction-ID age of {{ $value | humanize }} (writes stop near 2.1 G)."""),
            Rule("PgLongRunningTransaction", AlertClass.LongTransactions, Warn, $"max by (pod) ({M("cnpg_backends_max_tx_duration_seconds")}) > 300", "5m",
                $"A long-running transaction on {where}",
                $$$"""A transaction on {{ $labels.pod }} of {{{where}}} has been open for {{ $value | humanizeDuration }}: it holds locks and stops vacuum."""),
            // Planned switchovers flip in_recovery too, so this informs and never pages.
            Rule("PgFailoverHappened", AlertClass.Failover, Warn, $"changes({M("cnpg_pg_replication_in_recovery")}[15m]) > 0", "0m",
                $"An instance of {where} changed role",
                $$$"""Instance {{ $labels.pod }} of {{{where}}} changed role (failover or switchover) in the last 15 minutes."""),
            // CNPG's own certificates are operator-managed Secrets (expiry only in Cluster.status.certificates) that the
            // operator renews; no metric exists, so this covers the cert-manager Certificates the database relies on:
            // the Barman Cloud plugin's, and any in the database's namespace.
            Rule("PgCertificateExpiringSoon", AlertClass.Expiry, Warn, $"min by (namespace, name) (certmanager_certificate_expiration_timestamp_seconds{{namespace=~\"{ns}|{OperatorNamespaces.Cnpg}\",name=~\"{cluster}.*|barman-cloud.*\"}}) - time() < 14 * 86400", "1h",
                $"A certificate {where} relies on expires soon",
                $$$"""Certificate {{ $labels.namespace }}/{{ $labels.name }} used by {{{where}}} expires in {{ $value | humanizeDuration }}: cert-manager did not renew it."""),
            // External Secrets' ServiceMonitor keeps the ExternalSecret's namespace label (honorLabels: true, OperatorReleases).
            Rule("PgCredentialsSyncFailing", AlertClass.ExternalSecretsSync, Warn, $"max by (name) (externalsecret_status_condition{{namespace=\"{ns}\",name=\"{cluster}-owner\",condition=\"Ready\",status=\"False\"}}) == 1", "15m",
                $"Credentials of {where} do not sync",
                $$$"""ExternalSecret {{{ns}}}/{{ $labels.name }} cannot sync the owner's password from Key Vault: the Secret keeps its last value, rotations stall."""),
            Rule("PgCredentialsSyncMetricsAbsent", AlertClass.ExternalSecretsSync, Warn, $"absent(externalsecret_status_condition{{namespace=\"{ns}\",name=\"{cluster}-owner\",condition=\"Ready\"}})", "30m",
                $"Credential sync metrics of {where} are missing",
                $"External Secrets reports no status for {cluster}-owner in {ns}: its metrics are not scraped or the ExternalSecret is gone."),
        ]);

        return new PrometheusRuleSpec { Groups = [new RuleGroup { Name = $"{cluster}.rules", Rules = rules }] };
    }

    private static string Volumes(string cluster, string ns) => $"namespace=\"{ns}\",persistentvolumeclaim=~\"{cluster}-[0-9]+(-wal)?\"";

    private static string DiskUsage(string cluster, string ns) =>
        $"max by (persistentvolumeclaim) (1 - kubelet_volume_stats_available_bytes{{{Volumes(cluster, ns)}}} / kubelet_volume_stats_capacity_bytes{{{Volumes(cluster, ns)}}})";

    private static int BackupPeriodHours(string schedule)
    {
        var fields = schedule.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return fields.Length == 6 && fields[2] == "*" ? 1 : 24;
    }
}
