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

        var certManager = Release("cert-manager", HelmCharts.CertManager, "cert-manager", new()
        {
            ["crds"] = new Dictionary<string, object?> { ["enabled"] = true },
        });
        var cnpg = Release("cnpg", HelmCharts.CloudNativePg, CnpgNamespace, new()
        {
            ["crds"] = new Dictionary<string, object?> { ["create"] = true },
        });
        var plugin = Release("barman-cloud", HelmCharts.BarmanCloudPlugin, CnpgNamespace, [], certManager.Name, cnpg.Name);
        var eso = Release("external-secrets", HelmCharts.ExternalSecrets, ExternalSecretsNamespace, new()
        {
            ["installCRDs"] = true,
            ["serviceAccount"] = new Dictionary<string, object?>
            {
                ["name"] = ExternalSecretsNamespace,
                ["annotations"] = new Dictionary<string, object?> { ["azure.workload.identity/client-id"] = externalSecretsClientId },
            },
            ["podLabels"] = new Dictionary<string, object?> { ["azure.workload.identity/use"] = "true" },
        });
        var argo = Release("argo-cd", HelmCharts.ArgoCd, argoCdNamespace, []);
        if (monitoring is not { } stack)
        {
            return [certManager.Name, cnpg.Name, plugin.Name, eso.Name, argo.Name];
        }

        var prometheus = Named("monitoring", stack.Release, HelmCharts.KubePrometheusStack, stack.Namespace, [], []);
        return [certManager.Name, cnpg.Name, plugin.Name, eso.Name, argo.Name, prometheus.Name];
    }
}
