using PgPlatform.Components.Model;
using PgPlatform.Components.Tiers;

namespace PgPlatform.Components.Settings;

/// <summary>The settings of one stack, read once from <c>Pulumi.&lt;stack&gt;.yaml</c> or <c>PULUMI_CONFIG</c>.</summary>
public sealed record StackSettings
{
    /// <summary>Stack name; also the environment name in namespaces (<c>linkding-prod</c>).</summary>
    public required string Stack { get; init; }

    /// <summary><c>pg-platform:tier</c>.</summary>
    public required TierProfile Tier { get; init; }

    /// <summary><c>pg-platform:kubeContext</c>: the kubeconfig context of the target cluster.</summary>
    public required string KubeContext { get; init; }

    /// <summary><c>azure-native:location</c>.</summary>
    public required string AzureLocation { get; init; }

    /// <summary><c>azure-native:subscriptionId</c>.</summary>
    public string SubscriptionId { get; init; } = "00000000-0000-0000-0000-000000000000";

    /// <summary><c>azure-native:tenantId</c>.</summary>
    public string TenantId { get; init; } = "00000000-0000-0000-0000-000000000000";

    /// <summary><c>pg-platform:oidcIssuerUrl</c>.</summary>
    public string OidcIssuerUrl { get; init; } = "https://oidc.example.com/";

    /// <summary><c>pg-platform:deliverySubject</c>; default <c>pg-platform-delivery</c>.</summary>
    public string DeliverySubject { get; init; } = "pg-platform-delivery";

    /// <summary><c>pg-platform:resourceGroup</c>.</summary>
    public required string ResourceGroup { get; init; }

    /// <summary><c>pg-platform:keyVaultName</c>.</summary>
    public required string KeyVaultName { get; init; }

    /// <summary><c>pg-platform:backupStorageAccount</c>.</summary>
    public required string BackupStorageAccount { get; init; }

    /// <summary><c>pg-platform:storageClass</c>; default: the tier's class.</summary>
    public string? StorageClass { get; init; }

    /// <summary><c>pg-platform:replication</c>; default: the tier's.</summary>
    public ReplicationDurability? Replication { get; init; }

    /// <summary><c>pg-platform:delivery</c>; default: <see cref="EffectiveDelivery"/>.</summary>
    public Delivery? Delivery { get; init; }

    /// <summary>
    /// Who delivers the stack's database and application objects: the setting, else GitOps where the stack deploys its
    /// foundation (which installs Argo CD: every change to an environment is then a reviewed commit, and Argo CD shows
    /// drift), else Pulumi (an ephemeral drill stack has no Argo CD, and nothing else would apply its database).
    /// </summary>
    public Delivery EffectiveDelivery => Delivery ?? (Tier.DeploysFoundation ? Model.Delivery.GitOps : Model.Delivery.Pulumi);

    /// <summary><c>pg-platform:gitopsRepoUrl</c>.</summary>
    public required string GitOpsRepoUrl { get; init; }

    /// <summary><c>pg-platform:gitopsRevision</c>; default <c>main</c>.</summary>
    public string GitOpsRevision { get; init; } = "main";

    /// <summary><c>pg-platform:monitoring</c>; default: day-0 installs kube-prometheus-stack.</summary>
    public MonitoringSelection Monitoring { get; init; } = new();

    /// <summary><c>pg-platform:nightly</c>; default: no bounds of its own (the command's defaults).</summary>
    public NightlySelection Nightly { get; init; } = new();

    /// <summary><c>pg-platform:databases</c>: the applications deployed in this stack.</summary>
    public required IReadOnlyList<DatabaseSelection> Databases { get; init; }
}
