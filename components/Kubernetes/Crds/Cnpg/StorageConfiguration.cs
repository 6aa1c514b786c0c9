using System.Text.Json.Serialization;

namespace PgPlatform.Components.Kubernetes.Crds.Cnpg;

/// <summary><c>Cluster.spec.storage</c> / <c>walStorage</c>.</summary>
public sealed class StorageConfiguration
{
    /// <summary>Volume size as a Kubernetes quantity.</summary>
    [JsonPropertyName("size")] public string? Size { get; init; }

    /// <summary>Explicit storage class; never left to the cluster default.</summary>
    [JsonPropertyName("storageClass")] public string? StorageClass { get; init; }
}
