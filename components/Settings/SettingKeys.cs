namespace PgPlatform.Components.Settings;

/// <summary>Every stack setting the infra program reads. The parser, <c>--help</c> and the README follow this table.</summary>
public static class SettingKeys
{
    /// <summary>The config namespace, which is the Pulumi project name.</summary>
    public const string Namespace = "pg-platform";

    /// <summary>Config namespaces of providers that may also appear in a stack file.</summary>
    public static readonly IReadOnlySet<string> ProviderNamespaces = new HashSet<string>(StringComparer.Ordinal) { "azure-native", "kubernetes", "random", "pulumi" };

    /// <summary>Tier of the stack.</summary>
    public static readonly SettingKey Tier = new("tier", true, "production", "tier of every database in the stack: production, staging, development or ephemeral");

    /// <summary>Kubeconfig context.</summary>
    public static readonly SettingKey KubeContext = new("kubeContext", true, "aks-prod-weu", "kubeconfig context of the target cluster");

    /// <summary>Azure location (the azure-native provider's setting, which the program also uses for its resources).</summary>
    public static readonly SettingKey AzureLocation = new("location", true, "westeurope", "Azure region of every Azure resource", "azure-native");

    /// <summary>Azure subscription.</summary>
    public static readonly SettingKey SubscriptionId = new("subscriptionId", true, "00000000-0000-0000-0000-000000000000", "Azure subscription (a GUID); scopes the role definitions", "azure-native");

    /// <summary>Azure tenant.</summary>
    public static readonly SettingKey TenantId = new("tenantId", true, "00000000-0000-0000-0000-000000000000", "Azure AD tenant (a GUID) the azure-native provider signs in to; the Key Vault's tenant is read at deploy time", "azure-native");

    /// <summary>OIDC issuer of the Kubernetes cluster.</summary>
    public static readonly SettingKey OidcIssuerUrl = new("oidcIssuerUrl", true, "https://westeurope.oic.prod-aks.azure.com/<tenant>/<guid>/", "OIDC issuer URL of the cluster, trusted by the workload identities' federated credentials");

    /// <summary>Who delivers applications.</summary>
    public static readonly SettingKey DeliverySubject = new("deliverySubject", false, "pg-platform-delivery", "user (or system:serviceaccount:<ns>:<name>) that delivers applications; default pg-platform-delivery");

    /// <summary>Resource group.</summary>
    public static readonly SettingKey ResourceGroup = new("resourceGroup", true, "rg-pg-platform-prod", "resource group of the Key Vault and backup storage");

    /// <summary>Key Vault name.</summary>
    public static readonly SettingKey KeyVaultName = new("keyVaultName", true, "kv-pgp-prod", "Key Vault holding database credentials (3-24 letters, digits, '-')");

    /// <summary>Backup storage account.</summary>
    public static readonly SettingKey BackupStorageAccount = new("backupStorageAccount", true, "stpgpprodbackups", "storage account for backups (3-24 lower-case letters and digits)");

    /// <summary>Storage class override.</summary>
    public static readonly SettingKey StorageClass = new("storageClass", false, "pgp-production", "storage class of database volumes; default: the tier's class (pgp-<tier>, created by day-0); required for ephemeral stacks, which create none: the base environment's class");

    /// <summary>Replication durability override.</summary>
    public static readonly SettingKey Replication = new("replication", false, "synchronous",
        "how Clusters replicate: synchronous (a commit waits for one standby, dataDurability required), synchronous-preferred (waits while a standby is healthy) or asynchronous; default: the tier's (production synchronous, staging synchronous-preferred, development and ephemeral asynchronous)");

    /// <summary>Who delivers database and application objects.</summary>
    public static readonly SettingKey Delivery = new("delivery", false, "gitops",
        "who applies database and application objects: gitops (Argo CD from the GitOps tree; Pulumi deploys day-0, namespaces, access objects and the ApplicationSets) or pulumi (Pulumi deploys everything, no ApplicationSets); default gitops, pulumi for ephemeral stacks (which have no Argo CD of their own)");

    /// <summary>GitOps repository.</summary>
    public static readonly SettingKey GitOpsRepoUrl = new("gitopsRepoUrl", true, "https://git.example.com/platform/gitops.git", "repository Argo CD reads the GitOps tree from");

    /// <summary>GitOps revision.</summary>
    public static readonly SettingKey GitOpsRevision = new("gitopsRevision", false, "main", "branch, tag or commit of the GitOps repository; default main");

    /// <summary>The prometheus-operator stack that reads the PodMonitors and PrometheusRules.</summary>
    public static readonly SettingKey Monitoring = new("monitoring", false, "{mode: existing, release: kube-prometheus-stack, namespace: monitoring}",
        "prometheus-operator stack reading the PodMonitors and PrometheusRules: {mode: install|existing, release?, namespace?}; default: day-0 installs kube-prometheus-stack as release kube-prometheus-stack in namespace monitoring; existing needs both names");

    /// <summary>Bounds of the nightly drill run.</summary>
    public static readonly SettingKey Nightly = new("nightly", false, "{concurrency: 4, window: 6h}",
        "bounds of the nightly drill run over the stack's databases: {concurrency? (databases drilled at once, 1-64), window? (how long the night lasts, e.g. 6h or 90m)}; nightly's --concurrency and --window win; default concurrency 4 on kubernetes, 1 on the local target, window 6h");

    /// <summary>Databases of the stack.</summary>
    public static readonly SettingKey Databases = new("databases", true, "[{name: linkding, storageSize: 10Gi}]",
        "applications deployed in the stack, each {name, instances?, storageSize?, walStorageSize?, backupSchedule?, retentionDays?, recoverFrom?: {stack, backupId?, targetTime? (RFC 3339, UTC)}}");

    /// <summary>All settings, in documentation order.</summary>
    public static IReadOnlyList<SettingKey> All { get; } =
        [Tier, KubeContext, AzureLocation, SubscriptionId, TenantId, OidcIssuerUrl, ResourceGroup, KeyVaultName, BackupStorageAccount, StorageClass, Replication, Delivery, DeliverySubject, GitOpsRepoUrl, GitOpsRevision, Monitoring, Nightly, Databases];
}
