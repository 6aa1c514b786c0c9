using System.Text.Json.Serialization;

namespace PgPlatform.Components.Kubernetes.Crds.ArgoCd;

/// <summary>Metadata of a generated Application.</summary>
public sealed class ApplicationTemplateMetadata
{
    /// <summary>Application name (templated).</summary>
    [JsonPropertyName("name")] public required string Name { get; init; }

    /// <summary>Labels.</summary>
    [JsonPropertyName("labels")] public IDictionary<string, string>? Labels { get; init; }
}
