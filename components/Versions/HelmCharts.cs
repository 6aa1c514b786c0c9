namespace PgPlatform.Components.Versions;

/// <summary>
/// Every Helm chart the platform installs, pinned in one place. Each release also pins its image tag to
/// <see cref="HelmChart.AppVersion"/> in its values, so the operator version is fixed even if a chart
/// version's default image differs.
/// </summary>
public static class HelmCharts
{
    /// <summary>cert-manager (the Barman Cloud plugin needs it for its certificates).</summary>
    public static readonly HelmChart CertManager = new("https://charts.jetstack.io", "cert-manager", "v1.19.1", "v1.19.1");

    /// <summary>CloudNativePG operator 1.30 (chart minor = operator minor - 1).</summary>
    public static readonly HelmChart CloudNativePg = new("https://cloudnative-pg.github.io/charts", "cloudnative-pg", "0.29.0", "1.30.0");

    /// <summary>Barman Cloud CNPG-I plugin 0.14.</summary>
    public static readonly HelmChart BarmanCloudPlugin = new("https://cloudnative-pg.github.io/charts", "plugin-barman-cloud", "0.6.0", "v0.14.0");

    /// <summary>External Secrets Operator 2.9.</summary>
    public static readonly HelmChart ExternalSecrets = new("https://charts.external-secrets.io", "external-secrets", "2.9.0", "v2.9.0");

    /// <summary>Argo CD 3.5.</summary>
    public static readonly HelmChart ArgoCd = new("https://argoproj.github.io/argo-helm", "argo-cd", "9.4.0", "v3.5.1");
}
