using System.Text.Json.Serialization;

namespace PgPlatform.Components.Kubernetes.Crds.Cnpg;

/// <summary>Labels and annotations only (<c>inheritedMetadata</c>, template metadata).</summary>
public sealed class EmbeddedObjectMetadata
{
    /// <summary>Labels.</summary>
    [JsonPropertyName("labels")] public IDictionary<string, string>? Labels { get; init; }

    /// <summary>Annotations.</summary>
    [JsonPropertyName("annotations")] public IDictionary<string, string>? Annotations { get; init; }
}
