using PgPlatform.Components.Model;
using PgPlatform.Components.Naming;

namespace PgPlatform.Components.Day0;

/// <summary>
/// The Azure side of day-0: resource group, Key Vault (RBAC authorization, purge protection, soft delete),
/// the backup storage account (HTTPS only, TLS 1.2, no public blobs, no shared keys), and External Secrets'
/// workload identity allowed to read secrets. No static key or SAS token exists anywhere.
/// </summary>
public sealed class AzureBackbone
{
    /// <summary>Audience of Azure AD workload identity federation.</summary>
    public const string TokenExchangeAudience = "api://AzureADTokenExchange";

    /// <summary>Adds the resources.</summary>
    public AzureBackbone(IComponentScope scope, PlatformFoundationArgs args, IReadOnlyDictionary<string, string> tags)
    {
        Scope = scope;
        Args = args;
        Tags = tags;
        var env = args.Environment;
        ResourceGroup = Add("resource-group", "azure-native:resources:ResourceGroup", new()
        {
            ["resourceGroupName"] = env.ResourceGroupName,
            ["location"] = args.Location,
            ["tags"] = tags,
        });
        Vault = Add("key-vault", "azure-native:keyvault:Vault", new()
        {
            ["resourceGroupName"] = ResourceGroupName,
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
        StorageAccount = Add("backup-storage", "azure-native:storage:StorageAccount", new()
        {
            ["resourceGroupName"] = ResourceGroupName,
            ["accountName"] = env.BackupStorageAccount,
            ["location"] = args.Location,
            ["kind"] = "StorageV2",
            ["sku"] = new Dictionary<string, object?> { ["name"] = env.Tier.Tier == Tiers.Tier.Production ? "Standard_ZRS" : "Standard_LRS" },
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
        var eso = Identity("external-secrets", OperatorReleases.ExternalSecretsNamespace, OperatorReleases.ExternalSecretsNamespace);
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

    /// <summary>Logical name of the deployer's role on the vault; secrets are written after it exists.</summary>
    public string DeployerCanWriteSecrets { get; }

    /// <summary>External Secrets' identity, for its service account annotation.</summary>
    public OutputReference ExternalSecretsClientId { get; }

    /// <summary>The resource group's name as an output, so everything in it waits for it.</summary>
    public OutputReference ResourceGroupName => new(ResourceGroup, "name");

    private IComponentScope Scope { get; }

    private PlatformFoundationArgs Args { get; }

    private IReadOnlyDictionary<string, string> Tags { get; }

    /// <summary>A user-assigned identity federated with service account <paramref name="serviceAccount"/> in <paramref name="ns"/>.</summary>
    public string Identity(string part, string ns, string serviceAccount)
    {
        var identity = Add($"{part}-identity", "azure-native:managedidentity:UserAssignedIdentity", new()
        {
            ["resourceGroupName"] = ResourceGroupName,
            ["resourceName"] = ResourceNames.FromPath(["id", part, Args.Environment.Name]),
            ["location"] = Args.Location,
            ["tags"] = Tags,
        });
        Add($"{part}-federation", "azure-native:managedidentity:FederatedIdentityCredential", new()
        {
            ["resourceGroupName"] = ResourceGroupName,
            ["resourceName"] = new OutputReference(identity, "name"),
            ["federatedIdentityCredentialResourceName"] = ResourceNames.FromPath(["fic", part]),
            ["issuer"] = Args.OidcIssuerUrl,
            ["subject"] = $"system:serviceaccount:{ns}:{serviceAccount}",
            ["audiences"] = new List<object?> { TokenExchangeAudience },
        });
        return identity;
    }

    /// <summary>Adds a Pulumi resource under the foundation's scope and returns its logical name.</summary>
    public string Add(string part, string type, Dictionary<string, object?> properties, params string[] dependsOn) =>
        Scope.Model.Add(new PulumiResource(ResourceNames.FromPath([.. Scope.Path, part]), type, properties) { DependsOn = dependsOn }).Name;
}
