using PgPlatform.Components.Day2;
using PgPlatform.Components.Model;

namespace PgPlatform.Components.Day0;

/// <summary>
/// Onboarding for stacks whose tier deploys no foundation (ephemeral drill stacks): each database gets its
/// own container in the base environment's existing storage account, a workload identity in its existing
/// resource group (both named by the settings, never by outputs of resources the stack does not own) and
/// the ServiceAccount carrying it. No operators, vault, admission policies, ApplicationSets, delivery RBAC
/// or lifecycle policy: destroying such a stack never removes anything shared.
/// </summary>
public sealed class BaseEnvironmentOnboarding : IDatabaseOnboarding
{
    private readonly IComponentScope _scope;
    private readonly AzureScope _azure;

    /// <summary>Declares the onboarding named <paramref name="name"/> with the base environment's settings <paramref name="args"/>.</summary>
    public BaseEnvironmentOnboarding(IComponentScope scope, string name, PlatformFoundationArgs args)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(args);
        _scope = ComponentScope.Child(scope, name);
        _azure = AzureScope.Existing(_scope, args);
    }

    /// <inheritdoc />
    /// <remarks>
    /// Also the deploying principal's write access to the container: the drill driver reads and alters the archive as
    /// soon as the Cluster is ready, and a role that has not applied yet would fail the drill for the wrong reason.
    /// </remarks>
    public IReadOnlyList<string> DependenciesOf(string app, DatabaseRecovery? recovery) =>
        [.. ApplicationOnboarding.Dependencies(_azure, app, recovery), _azure.NameOf(DeployerPart(app))];

    /// <inheritdoc />
    /// <remarks>
    /// The deploying principal also gets Storage Blob Data Contributor on the new container: the drill driver
    /// that deploys such a stack reads the archive the cluster writes there (backup health) and removes a WAL
    /// file from it (the wal-gap fault), and control-plane rights on the account do not reach blob data.
    /// </remarks>
    public void Onboard(string app, AppDatabase database)
    {
        var container = ApplicationOnboarding.Add(_scope, _azure, database, app, deliverySubject: null);
        _azure.Add(DeployerPart(app), "azure-native:authorization:RoleAssignment", new()
        {
            ["principalId"] = new InvokeExpression("azure-native:authorization:getClientConfig", "objectId"),
            ["roleDefinitionId"] = AzureRoles.Definition(_azure.Args.SubscriptionId, AzureRoles.StorageBlobDataContributor),
            ["scope"] = new OutputReference(container, "id"),
        });
    }

    /// <inheritdoc />
    public void Complete()
    {
        // The base environment's lifecycle policy is the account's only one; this stack leaves it alone.
    }

    private static string DeployerPart(string app) => $"{app}-deployer-blob-contributor";
}
