using PgPlatform.Components.Day2;
using PgPlatform.Components.Model;
using PgPlatform.Components.Naming;

namespace PgPlatform.Components.Day0;

/// <summary>
/// Day-0 for one cluster: operator releases, the Azure backbone (resource group, Key Vault, backup storage,
/// workload identities), the tier's storage class, the Key Vault ClusterSecretStore, the contract's
/// admission policies, fleet alerts, and under GitOps delivery the Argo CD project and ApplicationSets. Applications are
/// onboarded with <see cref="Onboard"/>; <see cref="Complete"/> adds what spans all of them.
/// </summary>
public sealed class PlatformFoundation : IDatabaseOnboarding
{
    private readonly IComponentScope _scope;
    private readonly PlatformFoundationArgs _args;
    private readonly AzureBackbone _azure;
    private readonly List<(string Container, string Prefix, int Days)> _containers = [];

    /// <summary>Declares the foundation named <paramref name="name"/>.</summary>
    public PlatformFoundation(IComponentScope scope, string name, PlatformFoundationArgs args)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(args);
        _scope = ComponentScope.Child(scope, name);
        _args = args;
        var env = args.Environment;
        _azure = new AzureBackbone(_scope, args);
        var releases = OperatorReleases.Add(_scope, _azure.ExternalSecretsClientId, args.GitOps.ArgoCdNamespace,
            args.InstallMonitoring ? (env.MonitoringRelease, env.MonitoringNamespace) : null);
        Operators = releases;
        DatabaseDependencies = [.. releases, _azure.Vault, _azure.DeployerCanWriteSecrets];

        ContractAdmission.Add(_scope, env.Tier);
        var objects = new List<object>
        {
            PlatformObjects.StorageClass(env),
            PlatformObjects.SecretStore(env, new OutputReference(_azure.Vault, "properties.vaultUri").Embed(), args.TenantId),
            FleetAlerts.For(env),
        };
        foreach (var obj in objects)
        {
            PlatformObjects.AddToModel(_scope, null, obj, releases);
        }
    }

    /// <summary>Logical names of the operator releases.</summary>
    public IReadOnlyList<string> Operators { get; }

    /// <summary>What every application database waits for: the operators (their CRDs), the vault and the right to write to it.</summary>
    public IReadOnlyList<string> DatabaseDependencies { get; }

    /// <inheritdoc />
    public IReadOnlyList<string> DependenciesOf(string app, DatabaseRecovery? recovery) =>
        [.. DatabaseDependencies, .. ApplicationOnboarding.Dependencies(_azure.Azure, app, recovery)];

    /// <summary>Gives <paramref name="database"/> of application <paramref name="app"/> its container, identity, ServiceAccount and delivery RBAC.</summary>
    public void Onboard(string app, AppDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        var container = ApplicationOnboarding.Add(_scope, _azure.Azure, database, app, _args.DeliverySubject);
        _containers.Add((container, AppDatabase.BackupContainerName(app, _args.Environment), database.RetentionDays));
    }

    /// <summary>
    /// Adds the lifecycle policy: blobs older than a container's recovery window plus a week are deleted.
    /// Barman's retention policy removes backups first; the policy is the safety net that keeps cost bounded.
    /// </summary>
    public void Complete()
    {
        AddGitOpsDelivery();
        if (_containers.Count == 0)
        {
            return;
        }

        var rules = _containers.Select(c => (object?)new Dictionary<string, object?>
        {
            ["name"] = ResourceNames.FromPath(["expire", c.Prefix]),
            ["enabled"] = true,
            ["type"] = "Lifecycle",
            ["definition"] = new Dictionary<string, object?>
            {
                ["filters"] = new Dictionary<string, object?> { ["blobTypes"] = new List<object?> { "blockBlob" }, ["prefixMatch"] = new List<object?> { $"{c.Prefix}/" } },
                ["actions"] = new Dictionary<string, object?>
                {
                    ["baseBlob"] = new Dictionary<string, object?> { ["delete"] = new Dictionary<string, object?> { ["daysAfterModificationGreaterThan"] = c.Days + 7 } },
                },
            },
        }).ToList();
        _azure.Azure.Add("backup-lifecycle", "azure-native:storage:ManagementPolicy", new()
        {
            ["resourceGroupName"] = _azure.Azure.ResourceGroupName,
            ["accountName"] = _azure.Azure.StorageAccountName,
            ["managementPolicyName"] = "default",
            ["policy"] = new Dictionary<string, object?> { ["rules"] = rules },
        }, [.. _containers.Select(c => c.Container)]);
    }

    /// <summary>
    /// Under GitOps delivery, the Argo CD project and ApplicationSets, which wait for everything the objects Argo CD applies
    /// wait for (operators, vault, the passwords in it, each identity's federated credential and roles): Argo CD applies a
    /// database as soon as its Application exists, and CNPG does not retry a first backup that its identity could not yet
    /// write. Read once, after the last application is onboarded.
    /// </summary>
    private void AddGitOpsDelivery()
    {
        if (_args.Delivery != Delivery.GitOps)
        {
            return;
        }

        var env = _args.Environment;
        var gitOps = _args.GitOps;
        var applied = _scope.Model.KubernetesObjects.Where(o => !o.Group.IsDeliveredByPulumi(_args.Delivery)).SelectMany(o => o.DependsOn);
        var dependsOn = Operators.Concat(applied).Distinct().Order(StringComparer.Ordinal).ToList();
        PlatformObjects.AddToModel(_scope, null, PlatformObjects.Project(env, gitOps.Project, gitOps.RepoUrl, gitOps.ArgoCdNamespace), dependsOn);
        foreach (var set in ArgoCdApplicationSets.For(env, gitOps))
        {
            PlatformObjects.AddToModel(_scope, null, set, dependsOn);
        }
    }
}
