namespace PgPlatform.Components.Settings;

/// <summary>
/// <c>pg-platform:monitoring</c>: the prometheus-operator stack that reads the platform's PodMonitors and
/// PrometheusRules. kube-prometheus-stack selects them by the label <c>release: &lt;its release name&gt;</c>
/// (<c>podMonitorSelectorNilUsesHelmValues</c> and <c>ruleSelectorNilUsesHelmValues</c> default to true), so every
/// such object carries that label, and database NetworkPolicies admit scrapes from <see cref="Namespace"/>.
/// </summary>
public sealed record MonitoringSelection
{
    /// <summary>Release name day-0 installs by default, and so the default selector label value.</summary>
    public const string DefaultRelease = "kube-prometheus-stack";

    /// <summary>Namespace day-0 installs into by default.</summary>
    public const string DefaultNamespace = "monitoring";

    /// <summary>Default: <see cref="MonitoringMode.Install"/>, because a fresh cluster has no prometheus-operator and its CRDs.</summary>
    public MonitoringMode Mode { get; init; } = MonitoringMode.Install;

    /// <summary>Helm release name of the stack (the value of its <c>release</c> selector label). Default <see cref="DefaultRelease"/>.</summary>
    public string Release { get; init; } = DefaultRelease;

    /// <summary>Namespace Prometheus runs in. Default <see cref="DefaultNamespace"/>.</summary>
    public string Namespace { get; init; } = DefaultNamespace;
}
