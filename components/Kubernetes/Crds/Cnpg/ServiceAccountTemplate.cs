using System.Text.Json.Serialization;

namespace PgPlatform.Components.Kubernetes.Crds.Cnpg;

/// <summary><c>Cluster.spec.serviceAccountTemplate</c>.</summary>
public sealed class ServiceAccountTemplate
{
    /// <summary>Metadata merged into the instances' service account.</summary>
    [JsonPropertyName("metadata")] public required EmbeddedObjectMetadata Metadata { get; init; }
}
