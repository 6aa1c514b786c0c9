using PgPlatform.Components.Vocabulary;

namespace PgPlatform.Components.Contract;

/// <summary>A resource a ValidatingAdmissionPolicy matches: API group, version and plural resource name.</summary>
public sealed record AdmissionResource(string Group, string Version, string Resource, string Kind)
{
    /// <summary>CNPG clusters.</summary>
    public static readonly AdmissionResource Cluster = new(CnpgApi.Group, CnpgApi.Version, CnpgApi.Clusters, CnpgApi.ClusterKind);

    /// <summary>CNPG scheduled backups.</summary>
    public static readonly AdmissionResource ScheduledBackup = new(CnpgApi.Group, CnpgApi.Version, CnpgApi.ScheduledBackups, CnpgApi.ScheduledBackupKind);

    /// <summary>Barman Cloud plugin object stores.</summary>
    public static readonly AdmissionResource ObjectStore = new(BarmanCloudApi.Group, BarmanCloudApi.Version, BarmanCloudApi.ObjectStores, BarmanCloudApi.ObjectStoreKind);

    /// <summary>External Secrets secret syncs.</summary>
    public static readonly AdmissionResource ExternalSecret = new(ExternalSecretsApi.Group, ExternalSecretsApi.Version, ExternalSecretsApi.ExternalSecrets, ExternalSecretsApi.ExternalSecretKind);

    /// <summary>prometheus-operator pod scrape configurations.</summary>
    public static readonly AdmissionResource PodMonitor = new(MonitoringApi.Group, MonitoringApi.Version, MonitoringApi.PodMonitors, MonitoringApi.PodMonitorKind);

    /// <summary>prometheus-operator rule files.</summary>
    public static readonly AdmissionResource PrometheusRule = new(MonitoringApi.Group, MonitoringApi.Version, MonitoringApi.PrometheusRules, MonitoringApi.PrometheusRuleKind);

    /// <summary>Deployments.</summary>
    public static readonly AdmissionResource Deployment = new("apps", "v1", "deployments", "Deployment");

    /// <summary>StatefulSets.</summary>
    public static readonly AdmissionResource StatefulSet = new("apps", "v1", "statefulsets", "StatefulSet");

    /// <summary>Pods (created directly; a controller's pods come from a template the rules already checked).</summary>
    public static readonly AdmissionResource Pod = new("", "v1", "pods", "Pod");

    /// <summary>Secrets.</summary>
    public static readonly AdmissionResource Secret = new("", "v1", "secrets", "Secret");

    /// <summary>Application workloads whose pod template the rules inspect.</summary>
    public static IReadOnlyList<AdmissionResource> Workloads { get; } = [Deployment, StatefulSet];
}
