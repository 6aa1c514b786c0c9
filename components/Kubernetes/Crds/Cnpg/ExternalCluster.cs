using System.Text.Json.Serialization;

namespace PgPlatform.Components.Kubernetes.Crds.Cnpg;

/// <summary><c>Cluster.spec.externalClusters[]</c>.</summary>
public sealed class ExternalCluster
{
    /// <summary>Name the bootstrap refers to.</summary>
    [JsonPropertyName("name")] public required string Name { get; init; }

    /// <summary>The plugin that reads this cluster's backups.</summary>
    [JsonPropertyName("plugin")] public PluginConfiguration? Plugin { get; init; }
}
