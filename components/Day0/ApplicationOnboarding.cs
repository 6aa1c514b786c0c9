using k8s.Models;
using PgPlatform.Components.Day2;
using PgPlatform.Components.Model;
using PgPlatform.Components.Naming;
using PgPlatform.Components.Vocabulary;

namespace PgPlatform.Components.Day0;

/// <summary>
/// What day-0 gives each application's database: its blob container, a workload identity that may write
/// only to that container (and read the source container of a recovery), the cluster's ServiceAccount
/// carrying that identity, and, where the stack has a delivery subject, its rights in the application's
/// namespace (CNPG and External Secrets objects there, nothing cluster-wide).
/// </summary>
public static class ApplicationOnboarding
{
    /// <summary>Verbs the delivery subject has on the database objects of its namespace.</summary>
    public static readonly IReadOnlyList<string> DeliveryVerbs = ["get", "list", "watch", "create", "update", "patch", "delete"];

    /// <summary>
    /// What the database of <paramref name="app"/> waits for beyond the platform's dependencies: its identity's
    /// federated credential (without it the plugin's token exchange fails) and write access to its container, and,
    /// with a <paramref name="recovery"/>, read access to the source container, without which the restore cannot
    /// start. CNPG takes the first (<c>immediate</c>) base backup as soon as the Cluster is ready and does not retry
    /// a failed one, so a Cluster that starts before its role assignment has applied (Azure takes minutes) stays
    /// without a base backup until the next schedule.
    /// </summary>
    public static IReadOnlyList<string> Dependencies(AzureScope azure, string app, DatabaseRecovery? recovery) =>
        [azure.NameOf(FederationPart(app)), azure.NameOf(ContributorPart(app)), .. recovery is null ? Array.Empty<string>() : [azure.NameOf(SourceReaderPart(app))]];

    /// <summary>
    /// Onboards <paramref name="database"/>; returns the logical name of its container (for the lifecycle policy).
    /// A null <paramref name="deliverySubject"/> grants no delivery RBAC (stacks that onboard against a base environment).
    /// </summary>
    public static string Add(IComponentScope scope, AzureScope azure, AppDatabase database, string app, string? deliverySubject)
    {
        var env = azure.Args.Environment;
        var db = database.Outputs;
        var container = azure.Add($"{app}-backup-container", "azure-native:storage:BlobContainer", new()
        {
            ["resourceGroupName"] = azure.ResourceGroupName,
            ["accountName"] = azure.StorageAccountName,
            ["containerName"] = AppDatabase.BackupContainerName(app, env),
            ["publicAccess"] = "None",
        });
        var identity = azure.Identity(IdentityPart(app), db.Namespace, db.ServiceAccountName);
        void BlobRole(string part, string role, object scope) => azure.Add(part, "azure-native:authorization:RoleAssignment", new()
        {
            ["principalId"] = new OutputReference(identity, "principalId"),
            ["principalType"] = "ServicePrincipal",
            ["roleDefinitionId"] = AzureRoles.Definition(azure.Args.SubscriptionId, role),
            ["scope"] = scope,
        });
        BlobRole(ContributorPart(app), AzureRoles.StorageBlobDataContributor, new OutputReference(container, "id"));
        if (database.Args.Recovery is { } recovery)
        {
            // The source container belongs to another stack, so it is scoped by its id, never by an output.
            BlobRole(SourceReaderPart(app), AzureRoles.StorageBlobDataReader, azure.ContainerId(AppDatabase.BackupContainerName(app, recovery.SourceEnvironment)));
        }

        var labels = Labels.For(app, "access", database.Args.Team, env);
        void Add(string part, object obj) =>
            scope.Model.Add(new KubernetesObjectResource(ResourceNames.FromPath([.. scope.Path, app, part]), app, ObjectGroup.Access, obj));
        V1ObjectMeta Meta(string name, Dictionary<string, string>? annotations = null) =>
            new() { Name = name, NamespaceProperty = db.Namespace, Labels = new Dictionary<string, string>(labels), Annotations = annotations };

        Add("service-account", new V1ServiceAccount
        {
            ApiVersion = "v1",
            Kind = "ServiceAccount",
            Metadata = Meta(db.ServiceAccountName, new() { ["azure.workload.identity/client-id"] = new OutputReference(identity, "clientId").Embed() }),
        });
        if (deliverySubject is null)
        {
            return container;
        }

        var role = $"{app}-delivery";
        Add("delivery-role", new V1Role
        {
            ApiVersion = "rbac.authorization.k8s.io/v1",
            Kind = "Role",
            Metadata = Meta(role),
            Rules =
            [
                new V1PolicyRule { ApiGroups = [CnpgApi.Group], Resources = [CnpgApi.Clusters, CnpgApi.ScheduledBackups, CnpgApi.Backups], Verbs = [.. DeliveryVerbs] },
                new V1PolicyRule { ApiGroups = [BarmanCloudApi.Group], Resources = [BarmanCloudApi.ObjectStores], Verbs = [.. DeliveryVerbs] },
                new V1PolicyRule { ApiGroups = [ExternalSecretsApi.Group], Resources = [ExternalSecretsApi.ExternalSecrets], Verbs = [.. DeliveryVerbs] },
            ],
        });
        Add("delivery-binding", new V1RoleBinding
        {
            ApiVersion = "rbac.authorization.k8s.io/v1",
            Kind = "RoleBinding",
            Metadata = Meta(role),
            RoleRef = new V1RoleRef { ApiGroup = "rbac.authorization.k8s.io", Kind = "Role", Name = role },
            Subjects = [Subject(deliverySubject)],
        });
        return container;
    }

    private static string IdentityPart(string app) => $"{app}-db";

    private static string FederationPart(string app) => AzureScope.FederationPart(IdentityPart(app));

    private static string ContributorPart(string app) => $"{app}-db-blob-contributor";

    private static string SourceReaderPart(string app) => $"{app}-db-source-reader";

    /// <summary>An RBAC subject: <c>system:serviceaccount:ns:name</c> is a service account, anything else a user.</summary>
    public static Rbacv1Subject Subject(string subject)
    {
        const string Prefix = "system:serviceaccount:";
        if (subject.StartsWith(Prefix, StringComparison.Ordinal))
        {
            var parts = subject[Prefix.Length..].Split(':');
            return new Rbacv1Subject { Kind = "ServiceAccount", Name = parts[1], NamespaceProperty = parts[0] };
        }

        return new Rbacv1Subject { Kind = "User", Name = subject, ApiGroup = "rbac.authorization.k8s.io" };
    }
}
