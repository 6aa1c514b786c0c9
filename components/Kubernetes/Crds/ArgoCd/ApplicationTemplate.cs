using System.Text.Json.Serialization;

namespace PgPlatform.Components.Kubernetes.Crds.ArgoCd;

/// <summary><c>spec.template</c>: metadata and spec of each generated Application.</summary>
public sealed class ApplicationTemplate
{
    /// <summary>Application metadata (templated).</summary>
    [JsonPropertyName("metadata")] public required ApplicationTemplateMetadata Metadata { get; init; }

    /// <summary>Application spec (templated).</summary>
    [JsonPropertyName("spec")] public required ApplicationSpec Spec { get; init; }
}
