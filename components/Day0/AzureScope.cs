using PgPlatform.Components.Model;
using PgPlatform.Components.Naming;

namespace PgPlatform.Components.Day0;

/// <summary>
/// Where a stack's day-0 Azure resources go: the resource group and backup storage account, either owned by
/// the stack's <see cref="AzureBackbone"/> (referenced by output, so everything waits for them) or the base
/// environment's existing ones (referenced by name: a stack never takes outputs of resources it does not own).
/// Resources added here are named under the stack's scope.
/// </summary>
public sealed class AzureScope
{
    /// <summary>Part name of the resource group an owning backbone creates.</summary>
    public const string ResourceGroupPart = "resource-group";

    /// <summary>Part name of the backup storage account an owning backbone creates.</summary>
    public const string StorageAccountPart = "backup-storage";

    private readonly IComponentScope _scope;

    private AzureScope(IComponentScope scope, PlatformFoundationArgs args, Func<AzureScope, object> resourceGroup, Func<AzureScope, object> storageAccount)
    {
        _scope = scope;
        Args = args;
        var env = args.Environment;
        Tags = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["managed-by"] = "pg-platform",
            ["environment"] = env.Name,
            ["tier"] = env.Tier.Name,
            ["cost-class"] = env.Tier.CostClass,
        };
        ResourceGroupName = resourceGroup(this);
        StorageAccountName = storageAccount(this);
    }

    /// <summary>The stack's day-0 settings.</summary>
    public PlatformFoundationArgs Args { get; }

    /// <summary>Tags of every Azure resource the stack creates.</summary>
    public IReadOnlyDictionary<string, string> Tags { get; }

    /// <summary>The resource group's name: an <see cref="OutputReference"/> when owned, the literal name when existing.</summary>
    public object ResourceGroupName { get; }

    /// <summary>The backup storage account's name: an <see cref="OutputReference"/> when owned, the literal name when existing.</summary>
    public object StorageAccountName { get; }

    /// <summary>A scope whose resource group and storage account the stack creates (with <see cref="ResourceGroupPart"/> and <see cref="StorageAccountPart"/>).</summary>
    public static AzureScope Owned(IComponentScope scope, PlatformFoundationArgs args) =>
        new(scope, args, a => new OutputReference(a.NameOf(ResourceGroupPart), "name"), a => new OutputReference(a.NameOf(StorageAccountPart), "name"));

    /// <summary>A scope in the base environment's existing resource group and storage account, named by the environment's settings.</summary>
    public static AzureScope Existing(IComponentScope scope, PlatformFoundationArgs args) =>
        new(scope, args, _ => args.Environment.ResourceGroupName, _ => args.Environment.BackupStorageAccount);

    /// <summary>
    /// The Azure resource id of blob container <paramref name="container"/> of the environment's storage account,
    /// built from names, for scoping a role to a container this stack does not own.
    /// </summary>
    public string ContainerId(string container)
    {
        var env = Args.Environment;
        return $"/subscriptions/{Args.SubscriptionId}/resourceGroups/{env.ResourceGroupName}/providers/Microsoft.Storage/storageAccounts/{env.BackupStorageAccount}/blobServices/default/containers/{container}";
    }

    /// <summary>The logical name of part <paramref name="part"/> under the stack's scope.</summary>
    public string NameOf(string part) => ResourceNames.FromPath([.. _scope.Path, part]);

    /// <summary>Adds a Pulumi resource under the stack's scope and returns its logical name.</summary>
    public string Add(string part, string type, Dictionary<string, object?> properties, params string[] dependsOn) =>
        _scope.Model.Add(new PulumiResource(NameOf(part), type, properties) { DependsOn = dependsOn }).Name;

    /// <summary>Part name of the federated credential of the identity <see cref="Identity"/> adds for <paramref name="part"/>.</summary>
    public static string FederationPart(string part) => $"{part}-federation";

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
        Add(FederationPart(part), "azure-native:managedidentity:FederatedIdentityCredential", new()
        {
            ["resourceGroupName"] = ResourceGroupName,
            ["resourceName"] = new OutputReference(identity, "name"),
            ["federatedIdentityCredentialResourceName"] = ResourceNames.FromPath(["fic", part]),
            ["issuer"] = Args.OidcIssuerUrl,
            ["subject"] = $"system:serviceaccount:{ns}:{serviceAccount}",
            ["audiences"] = new List<object?> { AzureBackbone.TokenExchangeAudience },
        });
        return identity;
    }
}
