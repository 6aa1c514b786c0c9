using k8s.Models;
using PgPlatform.Components.Day2;
using PgPlatform.Components.Kubernetes.Crds.ArgoCd;
using PgPlatform.Components.Kubernetes.Crds.ExternalSecrets;
using PgPlatform.Components.Model;
using PgPlatform.Components.Naming;
using PgPlatform.Components.Serialization;
using PgPlatform.Components.Vocabulary;

namespace PgPlatform.Components.Day0;

/// <summary>The cluster-wide Kubernetes objects of day-0: the tier's storage class, the Key Vault secret store, the Argo CD project.</summary>
public static class PlatformObjects
{
    /// <summary>
    /// Adds a cluster-wide platform object to the model, named <c>&lt;scope&gt;[-&lt;prefix&gt;]-&lt;kind&gt;-&lt;name&gt;</c>
    /// (dots in the object's name become dashes).
    /// </summary>
    public static void AddToModel(IComponentScope scope, string? prefix, object obj, IReadOnlyList<string> dependsOn)
    {
        var json = CanonicalJson.FromObject(obj);
        var kind = json["kind"]!.GetValue<string>().ToLowerInvariant();
        var name = json["metadata"]!["name"]!.GetValue<string>().Replace('.', '-');
        var logical = ResourceNames.FromPath(prefix is null ? [.. scope.Path, kind, name] : [.. scope.Path, prefix, kind, name]);
        scope.Model.Add(new KubernetesObjectResource(logical, PlatformLabels.PlatformApplication, ObjectGroup.Platform, obj) { DependsOn = dependsOn });
    }

    /// <summary>Labels of platform objects.</summary>
    public static Dictionary<string, string> LabelsFor(string component, PlatformEnvironment env) => new(Labels.For(PlatformLabels.PlatformApplication, component, PlatformLabels.PlatformTeam, env));

    /// <summary>The storage class database volumes of <paramref name="env"/> use: disk SKU and reclaim policy are the tier's; every tier binds in the pod's zone and can grow.</summary>
    public static V1StorageClass StorageClass(PlatformEnvironment env) => new()
    {
        ApiVersion = "storage.k8s.io/v1",
        Kind = "StorageClass",
        Metadata = new V1ObjectMeta { Name = env.EffectiveStorageClass, Labels = LabelsFor("storage", env) },
        Provisioner = "disk.csi.azure.com",
        Parameters = new Dictionary<string, string> { ["skuName"] = env.Tier.DiskSku, ["cachingMode"] = "ReadOnly" },
        ReclaimPolicy = env.Tier.VolumeReclaimPolicy,
        VolumeBindingMode = "WaitForFirstConsumer",
        AllowVolumeExpansion = true,
    };

    /// <summary>The ClusterSecretStore reading the Key Vault of tenant <paramref name="tenantId"/> with External Secrets' workload identity.</summary>
    public static ClusterSecretStore SecretStore(PlatformEnvironment env, string vaultUri, string tenantId) => new()
    {
        Metadata = new V1ObjectMeta { Name = env.SecretStoreName, Labels = LabelsFor("secrets", env) },
        Spec = new SecretStoreSpec
        {
            Provider = new SecretStoreProvider
            {
                AzureKeyVault = new AzureKeyVaultProvider
                {
                    AuthType = "WorkloadIdentity",
                    VaultUrl = vaultUri,
                    TenantId = tenantId,
                    ServiceAccountRef = new ServiceAccountSelector { Name = OperatorReleases.ExternalSecretsNamespace, Namespace = OperatorReleases.ExternalSecretsNamespace },
                },
            },
        },
    };

    /// <summary>
    /// The AppProject of the generated Applications: the GitOps repository only, application namespaces of
    /// this environment only, and only the kinds the tree holds (Namespaces the one cluster-scoped kind).
    /// </summary>
    public static AppProject Project(PlatformEnvironment env, string name, string repoUrl, string argoCdNamespace) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = argoCdNamespace, Labels = LabelsFor("gitops", env) },
        Spec = new AppProjectSpec
        {
            Description = $"pg-platform applications and databases of {env.Name}",
            SourceRepos = [repoUrl],
            Destinations = [new ApplicationDestination { Server = "https://kubernetes.default.svc", Namespace = $"*-{env.Name}" }],
            ClusterResourceWhitelist = [new GroupKind { Group = "", Kind = "Namespace" }],
            NamespaceResourceWhitelist =
            [
                new GroupKind { Group = CnpgApi.Group, Kind = CnpgApi.ClusterKind },
                new GroupKind { Group = CnpgApi.Group, Kind = CnpgApi.ScheduledBackupKind },
                new GroupKind { Group = BarmanCloudApi.Group, Kind = BarmanCloudApi.ObjectStoreKind },
                new GroupKind { Group = ExternalSecretsApi.Group, Kind = ExternalSecretsApi.ExternalSecretKind },
                new GroupKind { Group = MonitoringApi.Group, Kind = MonitoringApi.PodMonitorKind },
                new GroupKind { Group = MonitoringApi.Group, Kind = MonitoringApi.PrometheusRuleKind },
                new GroupKind { Group = "networking.k8s.io", Kind = "NetworkPolicy" },
                new GroupKind { Group = "apps", Kind = "Deployment" },
                new GroupKind { Group = "", Kind = "Service" },
            ],
        },
    };
}
