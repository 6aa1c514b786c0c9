using System.Text.Json.Serialization;

namespace PgPlatform.Components.Kubernetes.Crds.ArgoCd;

/// <summary><c>AppProject.spec</c>.</summary>
public sealed class AppProjectSpec
{
    /// <summary>What the project is for.</summary>
    [JsonPropertyName("description")] public string? Description { get; init; }

    /// <summary>Repositories Applications may read.</summary>
    [JsonPropertyName("sourceRepos")] public required IList<string> SourceRepos { get; init; }

    /// <summary>Clusters and namespaces Applications may deploy to.</summary>
    [JsonPropertyName("destinations")] public required IList<ApplicationDestination> Destinations { get; init; }

    /// <summary>Cluster-scoped kinds Applications may create; empty means none.</summary>
    [JsonPropertyName("clusterResourceWhitelist")] public IList<GroupKind>? ClusterResourceWhitelist { get; init; }

    /// <summary>Namespaced kinds Applications may create.</summary>
    [JsonPropertyName("namespaceResourceWhitelist")] public IList<GroupKind>? NamespaceResourceWhitelist { get; init; }
}
