using k8s.Models;
using PgPlatform.Components.Day2;
using PgPlatform.Components.Kubernetes.Crds.Monitoring;

namespace PgPlatform.Components.Day0;

/// <summary>Alerts about the platform rather than one database: operators down, many databases failing at once.</summary>
public static class FleetAlerts
{
    /// <summary>The fleet PrometheusRule of <paramref name="env"/>.</summary>
    public static PrometheusRule For(PlatformEnvironment env)
    {
        AlertRule Rule(string alert, string expr, string forDuration, string summary) => new()
        {
            Alert = alert,
            Expr = expr,
            For = forDuration,
            Labels = new Dictionary<string, string> { ["severity"] = "critical", ["scope"] = "fleet", ["environment"] = env.Name },
            Annotations = new Dictionary<string, string> { ["summary"] = summary },
        };

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
                            Rule("CnpgOperatorDown", $"max(kube_deployment_status_replicas_available{{namespace=\"{OperatorReleases.CnpgNamespace}\",deployment=~\".*cloudnative-pg.*\"}}) < 1", "5m", "The CloudNativePG operator has no available replica: failover and backups stop"),
                            Rule("BarmanCloudPluginDown", $"max(kube_deployment_status_replicas_available{{namespace=\"{OperatorReleases.CnpgNamespace}\",deployment=~\".*barman-cloud.*\"}}) < 1", "5m", "The Barman Cloud plugin has no available replica: WAL archiving stops"),
                            Rule("ExternalSecretsDown", $"max(kube_deployment_status_replicas_available{{namespace=\"{OperatorReleases.ExternalSecretsNamespace}\"}}) < 1", "10m", "External Secrets has no available replica: credentials no longer sync"),
                            Rule("ManyDatabasesWithoutRecentBackup", $"count(time() - barman_cloud_cloudnative_pg_io_last_available_backup_timestamp > 26 * 3600) > 3", "30m", "More than three databases have no base backup from the last 26 h"),
                            Rule("ManyDatabasesFailingToArchive", "count(increase(cnpg_pg_stat_archiver_failed_count[15m]) > 0) > 3", "15m", "More than three databases fail to archive WAL: check the object store"),
                        ],
                    },
                ],
            },
        };
    }
}
