using System.Text.Json.Serialization;

namespace PgPlatform.Components.Kubernetes.Crds.BarmanCloud;

/// <summary><c>ObjectStore.spec</c>.</summary>
public sealed class ObjectStoreSpec
{
    /// <summary>Destination and credentials.</summary>
    [JsonPropertyName("configuration")] public required BarmanObjectStoreConfiguration Configuration { get; init; }

    /// <summary>Recovery window kept, e.g. <c>30d</c>.</summary>
    [JsonPropertyName("retentionPolicy")] public string? RetentionPolicy { get; init; }
}
