using System.Globalization;
using System.Text;

namespace PgPlatform.Stacks.Targets.Local.Monitoring;

/// <summary>
/// The configuration files of the local Prometheus and Alertmanager. Scrape and evaluation run every
/// <see cref="Interval"/> (the production PodMonitor scrapes every 30 s: a drill cannot wait for that), but the
/// rules' <c>for</c> durations are the declared ones, untouched.
/// </summary>
internal static class MonitoringConfiguration
{
    /// <summary>Scrape and rule evaluation interval.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    /// <summary>Alertmanager's group_wait: how long it holds the first notification of a new group.</summary>
    public static readonly TimeSpan GroupWait = TimeSpan.FromSeconds(1);

    /// <summary>Job of the member exporters (whose <c>up</c> the rules count per pod).</summary>
    public const string InstanceJob = "cnpg-instances";

    /// <summary>Job of the backup plugin's metrics (its <c>up</c> carries no pod: it is no instance).</summary>
    public const string BackupJob = "barman-cloud-plugin";

    /// <summary>prometheus.yml: member exporters labelled with their pod and namespace, the plugin's metrics, the rule files, Alertmanager.</summary>
    public static string Prometheus(string ns, IReadOnlyList<(MonitoredInstance Instance, int Port)> exporters, int backupPort, int alertmanagerPort, string ruleGlob)
    {
        var seconds = string.Create(CultureInfo.InvariantCulture, $"{Interval.TotalSeconds:0}s");
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"""
            global:
              scrape_interval: {seconds}
              scrape_timeout: {seconds}
              evaluation_interval: {seconds}
            rule_files:
              - {ruleGlob}
            alerting:
              alertmanagers:
                - static_configs:
                    - targets: ['127.0.0.1:{alertmanagerPort}']
            scrape_configs:
              - job_name: {InstanceJob}
                static_configs:

            """);
        foreach (var (instance, port) in exporters)
        {
            text.Append(CultureInfo.InvariantCulture, $"""
                      - targets: ['127.0.0.1:{port}']
                        labels:
                          namespace: {ns}
                          pod: {instance.Pod}

                """);
        }

        // The instance manager's own names for what postgres_exporter calls differently (see CnpgQueries).
        text.Append(CultureInfo.InvariantCulture, $"""
                metric_relabel_configs:
                  - source_labels: [__name__]
                    regex: pg_up
                    target_label: __name__
                    replacement: cnpg_collector_up
                  - source_labels: [__name__]
                    regex: {CnpgQueries.WalArchiveStatusQuery}_count
                    target_label: __name__
                    replacement: {CnpgQueries.WalArchiveStatusQuery}
              - job_name: {BackupJob}
                honor_labels: true
                static_configs:
                  - targets: ['127.0.0.1:{backupPort}']
                    labels:
                      namespace: {ns}

            """);
        return text.ToString();
    }

    /// <summary>alertmanager.yml: every alert to the driver's webhook, grouped per alert and pod, resolved ones too.</summary>
    public static string Alertmanager(int webhookPort) => string.Create(CultureInfo.InvariantCulture, $"""
        route:
          receiver: drill
          group_by: [alertname, pod]
          group_wait: {GroupWait.TotalSeconds:0}s
          group_interval: 2s
          repeat_interval: 1h
        receivers:
          - name: drill
            webhook_configs:
              - url: http://127.0.0.1:{webhookPort}/alerts
                send_resolved: true

        """);
}
