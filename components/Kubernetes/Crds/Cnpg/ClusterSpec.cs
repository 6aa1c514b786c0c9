using System.Text.Json.Serialization;
using k8s.Models;

namespace PgPlatform.Components.Kubernetes.Crds.Cnpg;

/// <summary>The subset of CNPG's <c>Cluster.spec</c> that pg-platform sets.</summary>
public sealed class ClusterSpec
{
    /// <summary>Number of instances (primary plus replicas).</summary>
    [JsonPropertyName("instances")] public required int Instances { get; init; }

    /// <summary>Pinned PostgreSQL operand image.</summary>
    [JsonPropertyName("imageName")] public string? ImageName { get; init; }

    /// <summary>Free text shown by the operator.</summary>
    [JsonPropertyName("description")] public string? Description { get; init; }

    /// <summary>PostgreSQL settings.</summary>
    [JsonPropertyName("postgresql")] public PostgresConfiguration? Postgresql { get; init; }

    /// <summary>How the cluster is created.</summary>
    [JsonPropertyName("bootstrap")] public BootstrapConfiguration? Bootstrap { get; init; }

    /// <summary>PGDATA volume.</summary>
    [JsonPropertyName("storage")] public StorageConfiguration? Storage { get; init; }

    /// <summary>Separate WAL volume.</summary>
    [JsonPropertyName("walStorage")] public StorageConfiguration? WalStorage { get; init; }

    /// <summary>CPU and memory requests and limits.</summary>
    [JsonPropertyName("resources")] public V1ResourceRequirements? Resources { get; init; }

    /// <summary>Pod anti-affinity and scheduling.</summary>
    [JsonPropertyName("affinity")] public AffinityConfiguration? Affinity { get; init; }

    /// <summary>Spread of instances across zones.</summary>
    [JsonPropertyName("topologySpreadConstraints")] public IList<V1TopologySpreadConstraint>? TopologySpreadConstraints { get; init; }

    /// <summary>Whether the operator manages a PodDisruptionBudget for the instances.</summary>
    [JsonPropertyName("enablePDB")] public bool? EnablePdb { get; init; }

    /// <summary>Keep a <c>postgres</c> superuser login with a generated <c>&lt;cluster&gt;-superuser</c> secret.</summary>
    [JsonPropertyName("enableSuperuserAccess")] public bool? EnableSuperuserAccess { get; init; }

    /// <summary>Roles the instance manager keeps as declared (the application's login roles).</summary>
    [JsonPropertyName("managed")] public ManagedConfiguration? Managed { get; init; }

    /// <summary>CNPG-I plugins, the Barman Cloud plugin among them.</summary>
    [JsonPropertyName("plugins")] public IList<PluginConfiguration>? Plugins { get; init; }

    /// <summary>Other clusters, e.g. a recovery source.</summary>
    [JsonPropertyName("externalClusters")] public IList<ExternalCluster>? ExternalClusters { get; init; }

    /// <summary>Labels and annotations inherited by every object the operator creates.</summary>
    [JsonPropertyName("inheritedMetadata")] public EmbeddedObjectMetadata? InheritedMetadata { get; init; }

    /// <summary>An existing ServiceAccount the instances run as (created by day-0 with its workload identity).</summary>
    [JsonPropertyName("serviceAccountName")] public string? ServiceAccountName { get; init; }

    /// <summary>Template for the instances' service account (workload identity annotations).</summary>
    [JsonPropertyName("serviceAccountTemplate")] public ServiceAccountTemplate? ServiceAccountTemplate { get; init; }
}
