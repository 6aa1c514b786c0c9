using PgPlatform.Components.Day2;
using PgPlatform.Components.Model;

namespace PgPlatform.Components.Day0;

/// <summary>What the day-0 foundation of one cluster (one stack) needs. Optional properties document their defaults.</summary>
public sealed record PlatformFoundationArgs
{
    /// <summary>The environment (tier, resource group, Key Vault, storage account).</summary>
    public required PlatformEnvironment Environment { get; init; }

    /// <summary>Azure region of every Azure resource.</summary>
    public required string Location { get; init; }

    /// <summary>Subscription the role definitions live in.</summary>
    public required string SubscriptionId { get; init; }

    /// <summary>Azure AD tenant (<c>azure-native:tenantId</c>) of the Key Vault the ClusterSecretStore reads.</summary>
    public required string TenantId { get; init; }

    /// <summary>OIDC issuer of the Kubernetes cluster, trusted by the federated credentials.</summary>
    public required string OidcIssuerUrl { get; init; }

    /// <summary>The user or service account that delivers applications (gets namespace-scoped RBAC only).</summary>
    public required string DeliverySubject { get; init; }

    /// <summary>
    /// Whether day-0 installs kube-prometheus-stack as release <see cref="PlatformEnvironment.MonitoringRelease"/> in
    /// <see cref="PlatformEnvironment.MonitoringNamespace"/>, which brings the monitoring.coreos.com CRDs every
    /// PodMonitor and PrometheusRule needs. Default: true (a fresh cluster has none); false names an existing stack.
    /// </summary>
    public bool InstallMonitoring { get; init; } = true;

    /// <summary>Where Argo CD reads the GitOps tree (the AppProject and the ApplicationSets point there).</summary>
    public required GitOpsOptions GitOps { get; init; }

    /// <summary>Who delivers database and application objects; under <see cref="Delivery.Pulumi"/> no Argo CD project or ApplicationSets are declared. Default: <see cref="Delivery.GitOps"/>.</summary>
    public Delivery Delivery { get; init; } = Delivery.GitOps;
}
