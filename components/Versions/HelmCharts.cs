namespace PgPlatform.Components.Versions;

/// <summary>
/// Every Helm chart the platform installs, pinned in one place. Each release runs the version its chart ships
/// (<see cref="HelmChart.AppVersion"/> is the chart's own <c>appVersion</c>): no release overrides an image tag,
/// because an override changes one image of a release while its sidecars, CRDs and RBAC stay at the chart's
/// version (issue 11, item 4: an <c>image.tag</c> v0.14.0 on plugin chart 0.6.0 left the sidecar at v0.12.0).
/// The verified chart -> app version pairs are held by a test (tests/PgPlatform.Components.Tests/Versions).
/// </summary>
public static class HelmCharts
{
    /// <summary>cert-manager (the Barman Cloud plugin needs it for its certificates); v1.19.2 carries CVE fixes over v1.19.1.</summary>
    public static readonly HelmChart CertManager = new("https://charts.jetstack.io", "cert-manager", "v1.19.2", "v1.19.2");

    /// <summary>CloudNativePG operator 1.30 (chart minor = operator minor - 1).</summary>
    public static readonly HelmChart CloudNativePg = new("https://cloudnative-pg.github.io/charts", "cloudnative-pg", "0.29.0", "1.30.0");

    /// <summary>
    /// Barman Cloud CNPG-I plugin v0.13.0 from chart 0.7.0, the newest chart (none ships v0.14.0). A chart keeps
    /// the plugin, its sidecar, CRD and RBAC one release, installed like every other operator; the ObjectStore CRD
    /// is identical in v0.13.0 and v0.14.0 (../shared/schemas/SOURCES.md), so nothing the platform emits changes.
    /// </summary>
    public static readonly HelmChart BarmanCloudPlugin = new("https://cloudnative-pg.github.io/charts", "plugin-barman-cloud", "0.7.0", "v0.13.0");

    /// <summary>External Secrets Operator 2.9.</summary>
    public static readonly HelmChart ExternalSecrets = new("https://charts.external-secrets.io", "external-secrets", "2.9.0", "v2.9.0");

    /// <summary>
    /// kube-prometheus-stack 88.5.x ships prometheus-operator v0.93.1 (../shared/schemas/crds holds v0.93's
    /// PodMonitor and PrometheusRule); installed when <c>pg-platform:monitoring</c> says install (issue 11, item 1).
    /// </summary>
    public static readonly HelmChart KubePrometheusStack = new("https://prometheus-community.github.io/helm-charts", "kube-prometheus-stack", "88.5.0", "v0.93.1");

    /// <summary>Argo CD v3.4.4 (charts 10.0.0 to 10.1.1 ship it; ../shared/schemas holds its CRDs).</summary>
    public static readonly HelmChart ArgoCd = new("https://argoproj.github.io/argo-helm", "argo-cd", "10.1.1", "v3.4.4");
}
