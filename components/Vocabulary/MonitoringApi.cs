namespace PgPlatform.Components.Vocabulary;

/// <summary>prometheus-operator's API (v0.93; <c>../shared/schemas/crds</c>). The only place these names are spelled.</summary>
public static class MonitoringApi
{
    /// <summary>API group.</summary>
    public const string Group = "monitoring.coreos.com";

    /// <summary>API version.</summary>
    public const string Version = "v1";

    /// <summary><c>apiVersion</c> of PodMonitors and PrometheusRules.</summary>
    public const string ApiVersion = Group + "/" + Version;

    /// <summary>Kind of a pod scrape configuration.</summary>
    public const string PodMonitorKind = "PodMonitor";

    /// <summary>Plural resource of <see cref="PodMonitorKind"/>.</summary>
    public const string PodMonitors = "podmonitors";

    /// <summary>Kind of a rule file.</summary>
    public const string PrometheusRuleKind = "PrometheusRule";

    /// <summary>Plural resource of <see cref="PrometheusRuleKind"/>.</summary>
    public const string PrometheusRules = "prometheusrules";

    /// <summary>
    /// Label kube-prometheus-stack's Prometheus selects PodMonitors and PrometheusRules by, valued with its Helm
    /// release name (prometheus-community/helm-charts charts/kube-prometheus-stack values.yaml:
    /// <c>podMonitorSelectorNilUsesHelmValues</c> and <c>ruleSelectorNilUsesHelmValues</c> default to true).
    /// </summary>
    public const string ReleaseSelectorLabel = "release";
}
