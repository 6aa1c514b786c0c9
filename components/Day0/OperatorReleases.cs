using PgPlatform.Components.Vocabulary;
using PgPlatform.Components.Model;
using PgPlatform.Components.Naming;
using PgPlatform.Components.Versions;

namespace PgPlatform.Components.Day0;

/// <summary>
/// The operators as Helm releases, in install order: cert-manager, then the CNPG operator, then its
/// Barman Cloud plugin (which needs both), External Secrets (signing in to Key Vault by workload
/// identity) and Argo CD. Values configure a release, never its images: each runs what its chart ships.
/// </summary>
public static class OperatorReleases
{
    /// <summary>Namespace of the CNPG operator and its plugin.</summary>
    public const string CnpgNamespace = OperatorNamespaces.Cnpg;

    /// <summary>Namespace and service account of External Secrets.</summary>
    public const string ExternalSecretsNamespace = OperatorNamespaces.ExternalSecrets;

    /// <summary>Adds the releases and returns their logical names.</summary>
    /// <remarks>
    /// With <paramref name="monitoring"/>, kube-prometheus-stack is installed as release <c>Release</c> in
    /// <c>Namespace</c>: its CRDs (monitoring.coreos.com) must exist before any PodMonitor or PrometheusRule, and every
    /// object group waits for the returned releases. Its Prometheus selects those objects by the <c>release</c> label.
    /// </remarks>
    public static IReadOnlyList<string> Add(IComponentScope scope, OutputReference externalSecretsClientId, string argoCdNamespace, (string Release, string Namespace)? monitoring = null)
    {
        string Name(string part) => ResourceNames.FromPath([.. scope.Path, part]);
        PulumiResource Release(string part, HelmChart chart, string ns, Dictionary<string, object?> values, params string[] dependsOn) => Named(part, part, chart, ns, values, dependsOn);
        PulumiResource Named(string part, string releaseName, HelmChart chart, string ns, Dictionary<string, object?> values, string[] dependsOn) =>
            scope.Model.Add(new PulumiResource(Name(part), "kubernetes:helm.sh/v3:Release", new Dictionary<string, object?>
            {
                ["name"] = releaseName,
                ["chart"] = chart.Chart,
                ["version"] = chart.Version,
                ["repositoryOpts"] = new Dictionary<string, object?> { ["repo"] = chart.Repository },
                ["namespace"] = ns,
                ["createNamespace"] = true,
                ["atomic"] = true,
                ["cleanupOnFail"] = true,
                ["values"] = values,
            }) { DependsOn = dependsOn });

        // The kube-prometheus-stack release comes first when installed: the charts below render their ServiceMonitors
        // only when the monitoring.coreos.com CRDs exist (.Capabilities.APIVersions.Has).
        var prometheus = monitoring is { } stack ? Named("monitoring", stack.Release, HelmCharts.KubePrometheusStack, stack.Namespace, [], []) : null;
        string[] afterMonitoring = prometheus is null ? [] : [prometheus.Name];
        var release = monitoring is { } selected ? new Dictionary<string, object?> { ["release"] = selected.Release } : null;
        var certManagerValues = new Dictionary<string, object?> { ["crds"] = new Dictionary<string, object?> { ["enabled"] = true } };
        var esoValues = new Dictionary<string, object?>
        {
            ["installCRDs"] = true,
            ["serviceAccount"] = new Dictionary<string, object?>
            {
                ["name"] = ExternalSecretsNamespace,
                ["annotations"] = new Dictionary<string, object?> { ["azure.workload.identity/client-id"] = externalSecretsClientId },
            },
            ["podLabels"] = new Dictionary<string, object?> { ["azure.workload.identity/use"] = "true" },
        };
        if (release is not null)
        {
            // Both metrics carry their object's own namespace label; honorLabels keeps it (without it Prometheus renames it
            // exported_namespace and the per-database selectors in DatabaseAlerts miss), and release: selects the monitor. External
            // Secrets' serviceMonitor.enabled brings its own metrics Service (metrics.service is "for another monitoring tool").
            certManagerValues["prometheus"] = new Dictionary<string, object?>
            {
                ["enabled"] = true,
                ["servicemonitor"] = new Dictionary<string, object?> { ["enabled"] = true, ["honorLabels"] = true, ["labels"] = release },
            };
            esoValues["serviceMonitor"] = new Dictionary<string, object?> { ["enabled"] = true, ["honorLabels"] = true, ["additionalLabels"] = release };
        }

        var certManager = Release("cert-manager", HelmCharts.CertManager, "cert-manager", certManagerValues, afterMonitoring);
        var cnpg = Release("cnpg", HelmCharts.CloudNativePg, CnpgNamespace, new()
        {
            ["crds"] = new Dictionary<string, object?> { ["create"] = true },
        });
        var plugin = Release("barman-cloud", HelmCharts.BarmanCloudPlugin, CnpgNamespace, [], certManager.Name, cnpg.Name);
        var eso = Release("external-secrets", HelmCharts.ExternalSecrets, ExternalSecretsNamespace, esoValues, afterMonitoring);
        var argo = Release("argo-cd", HelmCharts.ArgoCd, argoCdNamespace, []);
        return prometheus is null
            ? [certManager.Name, cnpg.Name, plugin.Name, eso.Name, argo.Name]
            : [certManager.Name, cnpg.Name, plugin.Name, eso.Name, argo.Name, prometheus.Name];
    }
}
