using PgPlatform.Components.Model;
using PgPlatform.Components.Vocabulary;

namespace PgPlatform.Components.Day0;

/// <summary>
/// The Azure side of day-0: resource group, Key Vault (RBAC authorization, purge protection, soft delete),
/// the backup storage account (HTTPS only, TLS 1.2, no public blobs, no shared keys), and External Secrets'
/// workload identity allowed to read secrets, and the drill evidence container the nightly driver writes. No static key
/// or SAS token exists anywhere.
/// </summary>
public sealed class AzureBackbone
{
    /// <summary>Audience of Azure AD workload identity federation.</summary>
    public const string TokenExchangeAudience = "api://AzureADTokenExchange";

    /// <summary>Adds the resources.</summary>
    public AzureBackbone(IComponentScope scope, PlatformFoundationArgs args)
    {
        Azure = AzureScope.Owned(scope, args);
        var tags = Azure.Tags;
        var env = args.Environment;
        ResourceGroup = Add(AzureScope.ResourceGroupPart, "azure-native:resources:ResourceGroup", new()
        {
            ["resourceGroupName"] = env.ResourceGroupName,
            ["location"] = args.Location,
            ["tags"] = tags,
        });
        Vault = Add("key-vault", "azure-native:keyvault:Vault", new()
        {
            ["resourceGroupName"] = Azure.ResourceGroupName,
            ["vaultName"] = env.KeyVaultName,
            ["location"] = args.Location,
            ["properties"] = new Dictionary<string, object?>
            {
                ["tenantId"] = new InvokeExpression("azure-native:authorization:getClientConfig", "tenantId"),
                ["sku"] = new Dictionary<string, object?> { ["family"] = "A", ["name"] = "standard" },
                ["enableRbacAuthorization"] = true,
                ["enablePurgeProtection"] = true,
                ["enableSoftDelete"] = true,
                ["softDeleteRetentionInDays"] = 90,
                ["publicNetworkAccess"] = "Enabled",
            },
            ["tags"] = tags,
        });
        StorageAccount = Add(AzureScope.StorageAccountPart, "azure-native:storage:StorageAccount", new()
        {
            ["resourceGroupName"] = Azure.ResourceGroupName,
            ["accountName"] = env.BackupStorageAccount,
            ["location"] = args.Location,
            ["kind"] = "StorageV2",
            ["sku"] = new Dictionary<string, object?> { ["name"] = env.Tier.BackupStorageSku },
            ["enableHttpsTrafficOnly"] = true,
            ["minimumTlsVersion"] = "TLS1_2",
            ["allowBlobPublicAccess"] = false,
            ["allowSharedKeyAccess"] = false,
            ["tags"] = tags,
        });

        // The deploying principal writes the generated passwords into the vault.
        DeployerCanWriteSecrets = Add("deployer-secrets-officer", "azure-native:authorization:RoleAssignment", new()
        {
            ["principalId"] = new InvokeExpression("azure-native:authorization:getClientConfig", "objectId"),
            ["roleDefinitionId"] = AzureRoles.Definition(args.SubscriptionId, AzureRoles.KeyVaultSecretsOfficer),
            ["scope"] = new OutputReference(Vault, "id"),
        });
        // Drill evidence lasts where the platform already keeps its backups: one container per environment, written by the
        // drill driver, which deploys the ephemeral stacks and so signs in as the deploying principal (DefaultAzureCredential).
        // Records are never overwritten (the driver writes with If-None-Match: *); the backup lifecycle rules are scoped to
        // the backup containers' prefixes, so evidence is not expired with backups.
        EvidenceContainer = Add("drill-evidence-container", "azure-native:storage:BlobContainer", new()
        {
            ["resourceGroupName"] = Azure.ResourceGroupName,
            ["accountName"] = Azure.StorageAccountName,
            ["containerName"] = PlatformContainers.DrillEvidence,
            ["publicAccess"] = "None",
        });
        Add("driver-evidence-writer", "azure-native:authorization:RoleAssignment", new()
        {
            ["principalId"] = new InvokeExpression("azure-native:authorization:getClientConfig", "objectId"),
            ["roleDefinitionId"] = AzureRoles.Definition(args.SubscriptionId, AzureRoles.StorageBlobDataContributor),
            ["scope"] = new OutputReference(EvidenceContainer, "id"),
        });
        var eso = Azure.Identity("external-secrets", OperatorReleases.ExternalSecretsNamespace, OperatorReleases.ExternalSecretsNamespace);
        ExternalSecretsClientId = new OutputReference(eso, "clientId");
        Add("external-secrets-secrets-user", "azure-native:authorization:RoleAssignment", new()
        {
            ["principalId"] = new OutputReference(eso, "principalId"),
            ["principalType"] = "ServicePrincipal",
            ["roleDefinitionId"] = AzureRoles.Definition(args.SubscriptionId, AzureRoles.KeyVaultSecretsUser),
            ["scope"] = new OutputReference(Vault, "id"),
        });
    }

    /// <summary>Logical name of the resource group.</summary>
    public string ResourceGroup { get; }

    /// <summary>Logical name of the Key Vault.</summary>
    public string Vault { get; }

    /// <summary>Logical name of the backup storage account.</summary>
    public string StorageAccount { get; }

    /// <summary>Logical name of the drill evidence container (<see cref="PlatformContainers.DrillEvidence"/>).</summary>
    public string EvidenceContainer { get; }

    /// <summary>Logical name of the deployer's role on the vault; secrets are written after it exists.</summary>
    public string DeployerCanWriteSecrets { get; }

    /// <summary>External Secrets' identity, for its service account annotation.</summary>
    public OutputReference ExternalSecretsClientId { get; }

    /// <summary>Where the backbone's resources are, for the resources added next to them.</summary>
    public AzureScope Azure { get; }

    private string Add(string part, string type, Dictionary<string, object?> properties) => Azure.Add(part, type, properties);
}
