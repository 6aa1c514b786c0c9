using k8s.Models;
using PgPlatform.Components.Kubernetes.Crds.Cnpg;
using PgPlatform.Components.Kubernetes.Crds.ExternalSecrets;
using PgPlatform.Components.Kubernetes.Crds.Monitoring;
using PgPlatform.Components.Model;
using PgPlatform.Components.Naming;
using PgPlatform.Components.Tiers;
using PgPlatform.Components.Validation;
using PgPlatform.Components.Versions;
using PgPlatform.Components.Vocabulary;

namespace PgPlatform.Components.Day2;

/// <summary>
/// The database contract for one application in one environment: a CNPG Cluster archiving WAL through
/// the Barman Cloud plugin to Azure Blob, a ScheduledBackup, the owner's bootstrap credentials and the
/// application's two login roles (<see cref="DatabaseLogins"/>) from Key Vault through ExternalSecrets, a PodMonitor, a PrometheusRule and a NetworkPolicy.
/// </summary>
public sealed class AppDatabase
{
    /// <summary>Longest application name: CNPG derives <c>&lt;app&gt;-db-rw</c> and pod names from it.</summary>
    public const int MaxAppNameLength = 40;

    /// <summary>Declares the database of application <paramref name="name"/> in <paramref name="scope"/>.</summary>
    public AppDatabase(IComponentScope scope, string name, AppDatabaseArgs args)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(args);
        Dns1123.RequireLabel(name, "application name", MaxAppNameLength);
        Dns1123.RequireLabel(args.Team, $"application '{name}': team");
        Args = args;
        var env = args.Environment;
        var tier = env.Tier;
        var where = $"application '{name}' in environment '{env.Name}'";
        string Field(string key, string property) => args.DeclaredAt is { } at ? $"'{at}.{key}' in {args.DeclaredIn}" : property;

        var instances = args.Instances ?? tier.DefaultInstances;
        if (instances < tier.MinInstances)
        {
            throw new DeclarationException(
                $"{where}: {instances} instance(s) is fewer than the {tier.MinInstances} the {tier.Name} tier requires",
                $"set {Field("instances", "Instances")} to {tier.MinInstances} or more (the {tier.Name} tier allows {tier.MinInstances} to {tier.MaxInstances}), or leave it out for the tier's {tier.DefaultInstances}");
        }

        if (instances < env.EffectiveReplication.MinInstances)
        {
            throw new DeclarationException(
                $"{where}: {instances} instance(s) cannot replicate {env.EffectiveReplication.Name}: a commit waits for {env.EffectiveReplication.Number} standby(s)",
                $"set {Field("instances", "Instances")} to {env.EffectiveReplication.MinInstances} or more (the {tier.Name} tier allows up to {tier.MaxInstances}), or set pg-platform:replication: {ReplicationDurability.Asynchronous.Name}{(args.DeclaredIn is { } file ? $" in {file}" : "")}");
        }

        var storageSize = args.StorageSize ?? tier.StorageSize;
        Quantity.Require(storageSize, $"{where}: {Field("storageSize", "StorageSize")}");
        if (args.WalStorageSize is { } walSize)
        {
            Quantity.Require(walSize, $"{where}: {Field("walStorageSize", "WalStorageSize")}");
        }

        var cpu = args.CpuRequest ?? tier.CpuRequest;
        var memory = args.Memory ?? tier.Memory;
        Quantity.Require(cpu, $"{where}: CpuRequest");
        Quantity.Require(memory, $"{where}: Memory");

        var schedule = args.BackupSchedule ?? tier.BackupSchedule;
        CnpgSchedule.Require(schedule, $"{where}: {Field("backupSchedule", "BackupSchedule")}");

        var retention = args.RetentionDays ?? tier.RetentionDays;
        if (retention < tier.MinRetentionDays || retention > tier.MaxRetentionDays)
        {
            throw new DeclarationException(
                $"{where}: a retention of {retention} days is outside the {tier.Name} tier's {tier.MinRetentionDays} to {tier.MaxRetentionDays} days",
                $"set {Field("retentionDays", "RetentionDays")} to {tier.MinRetentionDays} to {tier.MaxRetentionDays} days, or leave it out for the tier's {tier.RetentionDays}");
        }

        if (args.Recovery is { } recovery)
        {
            RecoveryBootstrap.Require(recovery, name, env, where);
        }

        var database = args.Database ?? name.Replace('-', '_');
        var owner = args.Owner ?? database;
        var names = new DatabaseNames(name, env.Name);
        var ns = names.Namespace;
        Dns1123.RequireLabel(ns, $"{where}: namespace");
        var clusterName = names.Cluster;
        var objectStoreName = names.ObjectStore;
        var ownerSecret = names.OwnerSecret;
        var labels = Labels.For(name, PlatformLabels.DatabaseComponent, args.Team, env);
        RetentionDays = retention;

        Outputs = new AppDatabaseOutputs(clusterName, ns, names.ReadWriteHost, 5432, database, names.ActiveLoginSecret);
        var scoped = ComponentScope.Child(scope, name);
        string Logical(string part) => ResourceNames.FromPath([.. scoped.Path, env.Name, part]);
        var passwordSecret = Logical("owner-password-kv");
        var loginSecrets = DatabaseLogins.AddVaultSecrets(scope.Model, Logical, names, env, args.DependsOn);
        void Add(string part, object obj) => scope.Model.Add(new KubernetesObjectResource(Logical(part), name, ObjectGroup.Database, obj) { DependsOn = [passwordSecret, .. loginSecrets, .. args.DependsOn] });
        V1ObjectMeta Meta(string objectName) => new() { Name = objectName, NamespaceProperty = ns, Labels = new Dictionary<string, string>(labels) };
        V1ObjectMeta MonitoringMeta(string objectName) => new() { Name = objectName, NamespaceProperty = ns, Labels = env.WithMonitoringSelector(labels) };

        var resources = new V1ResourceRequirements
        {
            Requests = new Dictionary<string, ResourceQuantity> { ["cpu"] = new(cpu), ["memory"] = new(memory) },
            Limits = tier.SetMemoryLimit ? new Dictionary<string, ResourceQuantity> { ["memory"] = new(memory) } : null,
        };

        Add("cluster", new Cluster
        {
            Metadata = Meta(clusterName),
            Spec = new ClusterSpec
            {
                Instances = instances,
                ImageName = ContainerImages.Postgres,
                Description = $"{name} database ({env.Name}, {tier.Name})",
                Postgresql = new PostgresConfiguration { Parameters = PostgresParameters(args), Synchronous = Synchronous(env) },
                Bootstrap = args.Recovery is { } source
                    ? RecoveryBootstrap.Bootstrap(source, database, owner, ownerSecret)
                    : new BootstrapConfiguration { InitDb = new BootstrapInitDb { Database = database, Owner = owner, Secret = new() { Name = ownerSecret }, PostInitApplicationSql = DatabaseLogins.PostInitSql(owner), DataChecksums = true } },
                Managed = DatabaseLogins.Managed(names, owner),
                Storage = new StorageConfiguration { Size = storageSize, StorageClass = env.EffectiveStorageClass },
                WalStorage = args.WalStorageSize is null ? null : new StorageConfiguration { Size = args.WalStorageSize, StorageClass = env.EffectiveStorageClass },
                Resources = resources,
                Affinity = new AffinityConfiguration
                {
                    EnablePodAntiAffinity = true,
                    TopologyKey = "kubernetes.io/hostname",
                    PodAntiAffinityType = tier.RequireZoneSpread ? "required" : "preferred",
                },
                TopologySpreadConstraints = tier.RequireZoneSpread ? [ZoneSpread(clusterName)] : null,
                EnablePdb = tier.EnablePodDisruptionBudget,
                EnableSuperuserAccess = tier.EnableSuperuserAccess ? true : null,
                Plugins = [new PluginConfiguration { Name = BarmanCloudApi.PluginName, IsWalArchiver = true, Parameters = new Dictionary<string, string> { [BarmanCloudApi.ObjectNameParameter] = objectStoreName } }],
                ExternalClusters = args.Recovery is null ? null : RecoveryBootstrap.ExternalClusters(names),
                InheritedMetadata = new EmbeddedObjectMetadata { Labels = args.UseWorkloadIdentity ? new Dictionary<string, string>(Labels.Inherited(labels)) { [WorkloadIdentityLabel] = "true" } : new Dictionary<string, string>(Labels.Inherited(labels)) },
                ServiceAccountName = args.UseWorkloadIdentity ? names.ServiceAccount : null,
            },
        });

        Add("backups", BackupObjectStore.For(Meta(objectStoreName), env.BackupStorageAccount, BackupContainerName(name, env), $"{retention}d", tier.WalMaxParallel));
        if (args.Recovery is { } origin)
        {
            // Read-only for this cluster: no retention policy, so nothing here ever deletes the source's backups.
            Add("origin-backups", BackupObjectStore.For(Meta(names.OriginObjectStore), env.BackupStorageAccount, BackupContainerName(name, origin.SourceEnvironment), null, tier.WalMaxParallel));
        }

        Add("scheduled-backup", new ScheduledBackup
        {
            Metadata = Meta(names.ScheduledBackup),
            Spec = new ScheduledBackupSpec
            {
                Schedule = schedule,
                Cluster = new() { Name = clusterName },
                Method = BarmanCloudApi.PluginMethod,
                PluginConfiguration = new PluginConfiguration { Name = BarmanCloudApi.PluginName },
                Immediate = true,
                BackupOwnerReference = "self",
            },
        });

        Add("owner-secret", new ExternalSecret
        {
            Metadata = Meta(ownerSecret),
            Spec = new ExternalSecretSpec
            {
                RefreshInterval = "1h",
                SecretStoreRef = new SecretStoreRef { Name = env.SecretStoreName, Kind = ExternalSecretsApi.ClusterSecretStoreKind },
                Target = new ExternalSecretTarget
                {
                    Name = ownerSecret,
                    CreationPolicy = "Owner",
                    Template = new ExternalSecretTemplate
                    {
                        Type = "kubernetes.io/basic-auth",
                        EngineVersion = "v2",
                        Metadata = new EmbeddedObjectMetadata { Labels = new Dictionary<string, string>(labels) { [CnpgApi.ReloadLabel] = "true" } },
                        Data = new Dictionary<string, string> { ["username"] = owner, ["password"] = "{{ .password }}" },
                    },
                },
                Data = [new ExternalSecretData { SecretKey = "password", RemoteRef = new RemoteReference { Key = OwnerPasswordSecretName(name, env) } }],
            },
        });

        foreach (var slot in DatabaseNames.LoginSlots)
        {
            Add($"login-{slot}-secret", DatabaseLogins.LoginSecret(Meta(names.LoginSecret(slot)), env, names, owner, slot, labels));
        }

        Add("active-login-secret", DatabaseLogins.ActiveLoginSecret(Meta(names.ActiveLoginSecret), env, names, owner, labels));

        Add("pod-monitor", new PodMonitor
        {
            Metadata = MonitoringMeta(clusterName),
            Spec = new PodMonitorSpec
            {
                Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { [CnpgApi.ClusterLabel] = clusterName, [CnpgApi.PodRoleLabel] = CnpgApi.InstanceRole } },
                PodMetricsEndpoints = [new PodMetricsEndpoint { Port = CnpgApi.MetricsPort, Interval = "30s" }],
            },
        });

        Add("alerts", new PrometheusRule { Metadata = MonitoringMeta(names.Alerts), Spec = DatabaseAlerts.For(clusterName, ns, name, schedule, tier, instances) });
        Add("network-policy", DatabaseNetworkPolicy.For(Meta(clusterName), clusterName, name, env));
        AddPassword(scope.Model, Logical("owner-password"), passwordSecret, name, env, args.DependsOn);
    }

    /// <summary>Pod label that makes the Azure workload identity webhook inject the federated token.</summary>
    public const string WorkloadIdentityLabel = "azure.workload.identity/use";

    /// <summary>The recovery window in days (declared or the tier's).</summary>
    public int RetentionDays { get; }

    /// <summary>The arguments the database was declared with.</summary>
    public AppDatabaseArgs Args { get; }

    /// <summary>What the application needs to connect.</summary>
    public AppDatabaseOutputs Outputs { get; }

    /// <summary>Key Vault secret holding the owner's password of <paramref name="app"/> in <paramref name="env"/>.</summary>
    public static string OwnerPasswordSecretName(string app, PlatformEnvironment env) => new DatabaseNames(app, env.Name).VaultSecret;

    /// <summary>Blob container holding the backups of <paramref name="app"/> in <paramref name="env"/>.</summary>
    public static string BackupContainerName(string app, PlatformEnvironment env) => BackupContainerName(app, env.Name);

    /// <summary>Blob container holding the backups of <paramref name="app"/> in the environment named <paramref name="environment"/>.</summary>
    public static string BackupContainerName(string app, string environment) => new DatabaseNames(app, environment).BackupContainer;

    /// <summary>The environment's durability as CNPG's <c>spec.postgresql.synchronous</c>; null (CNPG's asynchronous default) when commits wait for no standby.</summary>
    private static SynchronousReplicaConfiguration? Synchronous(PlatformEnvironment env) => env.EffectiveReplication is { IsSynchronous: true } durability
        ? new SynchronousReplicaConfiguration { Method = ReplicationDurability.Method, Number = durability.Number, DataDurability = durability.DataDurability }
        : null;

    private static Dictionary<string, string> PostgresParameters(AppDatabaseArgs args)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["log_min_duration_statement"] = "1000",
            ["archive_timeout"] = "5min",
        };
        foreach (var (key, value) in args.PostgresParameters)
        {
            parameters[key] = value;
        }

        return parameters;
    }

    private static V1TopologySpreadConstraint ZoneSpread(string clusterName) => new()
    {
        MaxSkew = 1,
        TopologyKey = "topology.kubernetes.io/zone",
        WhenUnsatisfiable = "DoNotSchedule",
        LabelSelector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { [CnpgApi.ClusterLabel] = clusterName } },
    };

    private static void AddPassword(ResourceModel model, string logicalName, string vaultSecretName, string app, PlatformEnvironment env, IReadOnlyList<string> dependsOn)
    {
        var password = model.Add(new PulumiResource(logicalName, "random:RandomPassword", new Dictionary<string, object?>
        {
            ["length"] = 32,
            ["special"] = false,
        }));
        model.Add(new PulumiResource(vaultSecretName, "azure-native:keyvault:Secret", new Dictionary<string, object?>
        {
            ["resourceGroupName"] = env.ResourceGroupName,
            ["vaultName"] = env.KeyVaultName,
            ["secretName"] = OwnerPasswordSecretName(app, env),
            ["properties"] = new Dictionary<string, object?> { ["value"] = new OutputReference(password.Name, "result"), ["contentType"] = "text/plain" },
        }) { DependsOn = dependsOn });
    }
}
