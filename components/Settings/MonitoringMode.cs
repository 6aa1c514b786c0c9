namespace PgPlatform.Components.Settings;

/// <summary>How a stack gets the prometheus-operator that reads its PodMonitors and PrometheusRules.</summary>
public enum MonitoringMode
{
    /// <summary>Day-0 installs kube-prometheus-stack as a Helm release (a stack without a foundation relies on its base environment's).</summary>
    Install,

    /// <summary>The cluster already runs a prometheus-operator stack, named by its release label and namespace.</summary>
    Existing,
}
