using PgPlatform.Components.Tiers;
using PgPlatform.Components.Vocabulary;

namespace PgPlatform.Components.Day2;

/// <summary>One environment (a Pulumi stack) that applications are deployed into.</summary>
public sealed record PlatformEnvironment
{
    /// <summary>Environment name, e.g. <c>prod</c>; part of every namespace name.</summary>
    public required string Name { get; init; }

    /// <summary>The environment's tier.</summary>
    public required TierProfile Tier { get; init; }

    /// <summary>Storage account that holds backup containers (one container per application and environment).</summary>
    public required string BackupStorageAccount { get; init; }

    /// <summary>Key Vault holding the database credentials.</summary>
    public required string KeyVaultName { get; init; }

    /// <summary>Resource group of the Key Vault and the storage account.</summary>
    public required string ResourceGroupName { get; init; }

    /// <summary>Storage class for database volumes. Default: the tier's class.</summary>
    public string? StorageClass { get; init; }

    /// <summary>How Clusters replicate. Default: the tier's <see cref="TierProfile.Replication"/>.</summary>
    public ReplicationDurability? Replication { get; init; }

    /// <summary>Name of the ClusterSecretStore that reads the Key Vault. Default: <c>azure-keyvault</c>.</summary>
    public string SecretStoreName { get; init; } = "azure-keyvault";

    /// <summary>Namespace of the CNPG operator, allowed through network policies. Default: <c>cnpg-system</c>.</summary>
    public string OperatorNamespace { get; init; } = Vocabulary.OperatorNamespaces.Cnpg;

    /// <summary>Namespace of Prometheus, allowed to scrape metrics. Default: <c>monitoring</c>.</summary>
    public string MonitoringNamespace { get; init; } = "monitoring";

    /// <summary>
    /// Helm release name of the prometheus-operator stack, the value of the <c>release</c> label its Prometheus selects
    /// PodMonitors and PrometheusRules by. Default: <c>kube-prometheus-stack</c>.
    /// </summary>
    public string MonitoringRelease { get; init; } = "kube-prometheus-stack";

    /// <summary>The labels of a PodMonitor or PrometheusRule: <paramref name="labels"/> plus the monitoring stack's selector label.</summary>
    public Dictionary<string, string> WithMonitoringSelector(IReadOnlyDictionary<string, string> labels) =>
        new(labels) { [MonitoringApi.ReleaseSelectorLabel] = MonitoringRelease };

    /// <summary>The storage class database volumes use.</summary>
    public string EffectiveStorageClass => StorageClass ?? Tier.StorageClass;

    /// <summary>How Clusters replicate.</summary>
    public ReplicationDurability EffectiveReplication => Replication ?? Tier.Replication;

    /// <summary>The namespace of <paramref name="app"/> in this environment.</summary>
    public string NamespaceFor(string app) => $"{app}-{Name}";
}
