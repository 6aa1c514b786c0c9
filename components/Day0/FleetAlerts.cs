using k8s.Models;
using PgPlatform.Components.Day2;
using PgPlatform.Components.Kubernetes.Crds.Monitoring;

namespace PgPlatform.Components.Day0;

/// <summary>
/// Alerts about the platform rather than one database: operators down, their metrics gone, many databases failing
/// at once. Deployment health is kube-state-metrics' (shipped by kube-prometheus-stack); only what stops failover
/// or backups across the fleet pages, with the environment tier's severity.
/// </summary>
public static class FleetAlerts
{
    /// <summary>Turns an instance pod's name into its Cluster's, so fleet rules count databases rather than pods.</summary>
    private const string ClusterOfPod = "\"cluster\", \"$1\", \"pod\", \"(.+)-[0-9]+\"";

    /// <summary>The fleet PrometheusRule of <paramref name="env"/>.</summary>
    public static PrometheusRule For(PlatformEnvironment env)
    {
        var page = env.Tier.AlertSeverity;
        const string Warn = "warning";
        var where = $"environment {env.Name}";
        AlertRule Rule(string alert, string severity, string expr, string forDuration, string summary, string description) => new()
        {
            Alert = alert,
            Expr = expr,
            For = forDuration,
            Labels = new Dictionary<string, string> { ["severity"] = severity, ["scope"] = "fleet", ["environment"] = env.Name },
            Annotations = new Dictionary<string, string> { ["summary"] = summary, ["description"] = description },
        };

        var cnpg = OperatorReleases.CnpgNamespace;
        var eso = OperatorReleases.ExternalSecretsNamespace;
        return new PrometheusRule
        {
            Metadata = new V1ObjectMeta { Name = "pg-platform-fleet", NamespaceProperty = env.MonitoringNamespace, Labels = env.WithMonitoringSelector(PlatformObjects.LabelsFor("monitoring", env)) },
            Spec = new PrometheusRuleSpec
            {
                Groups =
                [
                    new RuleGroup
                    {
                        Name = "pg-platform.fleet",
                        Rules =
                        [
                            Rule("CnpgOperatorDown", page, $"kube_deployment_status_replicas_available{{namespace=\"{cnpg}\",deployment=~\".*cloudnative-pg.*\"}} < 1", "5m",
                                $"The CloudNativePG operator of {where} is down",
                                $"Deployment {cnpg}/{{{{ $labels.deployment }}}} has no available replica: failover, backups and reconciliation stop."),
                            // With CNPG-I the plugin's sidecar in each instance pod archives WAL; the Deployment injects that
                            // sidecar and reconciles object stores, so while it is down new or recreated instances cannot start.
                            Rule("BarmanCloudPluginDown", Warn, $"kube_deployment_status_replicas_available{{namespace=\"{cnpg}\",deployment=~\".*barman-cloud.*\"}} < 1", "5m",
                                $"The Barman Cloud plugin of {where} is down",
                                $"Deployment {cnpg}/{{{{ $labels.deployment }}}} has no available replica: running instances keep archiving, but new or recreated instances and backups that need the plugin wait."),
                            // One series per Deployment (controller, webhook, cert-controller): any one of them down breaks syncing.
                            Rule("ExternalSecretsDown", Warn, $"kube_deployment_status_replicas_available{{namespace=\"{eso}\"}} < 1", "10m",
                                $"External Secrets of {where} is degraded",
                                $"Deployment {eso}/{{{{ $labels.deployment }}}} has no available replica: credentials keep their last value but no longer sync."),
                            Rule("OperatorMetricsAbsent", Warn, $"absent(kube_deployment_status_replicas_available{{namespace=\"{cnpg}\"}})", "15m",
                                $"Operator metrics of {where} are missing",
                                $"kube-state-metrics reports no Deployment in {cnpg}: the operator alerts are blind."),
                            Rule("CertManagerMetricsAbsent", Warn, $"absent(certmanager_certificate_expiration_timestamp_seconds{{namespace=\"{cnpg}\"}})", "30m",
                                $"cert-manager metrics of {where} are missing",
                                $"cert-manager reports no Certificate in {cnpg} (the Barman Cloud plugin's): certificate expiry is unknown."),
                            Rule("ManyDatabasesWithoutRecentBackup", page, $"count(time() - max by (namespace, cluster) (label_replace(barman_cloud_cloudnative_pg_io_last_available_backup_timestamp, {ClusterOfPod})) > 26 * 3600) >= 2", "30m",
                                $"Several databases of {where} have no recent backup",
                                $"{{{{ $value }}}} databases of {where} have no base backup from the last 26 h: check the plugin and the object store."),
                            // The nightly's textfile metrics (stacks/Nightly/PrometheusTextfile.cs): the age is computed here from the
                            // last pass, so it keeps growing when the nightly stops writing; never proven exports 0, which is stale.
                            Rule("DrillEvidenceStale", page, "time() - pg_platform_drill_evidence_last_pass_timestamp_seconds > pg_platform_drill_evidence_objective_seconds", "1h",
                                $"Recovery evidence of {{{{ $labels.app }}}} in {where} is older than its objective",
                                "No drill of {{ $labels.app }} ({{ $labels.tier }}) has passed within its evidence objective: its recovery is unproven. Check the nightly report and run `nightly` with more --concurrency or a longer --window."),
                            // Same textfile, same labels (app, tier) on both sides: the restore drill's RTO projected to the
                            // declared storage size against the tier's budget. Warning: restores still work, but one at full
                            // size would outlast the incident budget (faster storage, more wal.maxParallel, or a looser tier).
                            Rule("RestoreProjectedOverRtoBudget", Warn, "pg_platform_drill_projected_rto_seconds > pg_platform_drill_rto_budget_seconds", "1h",
                                $"A restore of {{{{ $labels.app }}}} in {where} would exceed its RTO budget",
                                "The last restore drill of {{ $labels.app }} ({{ $labels.tier }}) projects {{ $value }} s at the declared storage size, over the tier's RTO budget. See fleet.md and fleet-rto.svg."),
                            Rule("NightlyNotRunning", Warn, "time() - max(pg_platform_nightly_last_run_timestamp_seconds) > 2 * 86400 or absent(pg_platform_nightly_last_run_timestamp_seconds)", "1h",
                                $"The nightly drills of {where} stopped running",
                                $"No nightly run of {where} for two days (or its metrics are missing): recovery evidence is ageing unchecked."),
                            Rule("ManyDatabasesFailingToArchive", page, $"count(max by (namespace, cluster) (label_replace(cnpg_pg_stat_archiver_last_failed_time > cnpg_pg_stat_archiver_last_archived_time, {ClusterOfPod}))) >= 2", "15m",
                                $"Several databases of {where} fail to archive WAL",
                                $"{{{{ $value }}}} databases of {where} fail to archive WAL: check the object store."),
                        ],
                    },
                ],
            },
        };
    }
}
