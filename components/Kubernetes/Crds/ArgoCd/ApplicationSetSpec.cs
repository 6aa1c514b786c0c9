using System.Text.Json.Serialization;

namespace PgPlatform.Components.Kubernetes.Crds.ArgoCd;

/// <summary><c>ApplicationSet.spec</c>.</summary>
public sealed class ApplicationSetSpec
{
    /// <summary>Use Go templates (<c>{{ .path.basename }}</c>) in the template.</summary>
    [JsonPropertyName("goTemplate")] public bool? GoTemplate { get; init; }

    /// <summary>Template options; <c>missingkey=error</c> fails on a typo instead of rendering an empty string.</summary>
    [JsonPropertyName("goTemplateOptions")] public IList<string>? GoTemplateOptions { get; init; }

    /// <summary>Application fields the controller does not reset (a paused sync policy must survive).</summary>
    [JsonPropertyName("ignoreApplicationDifferences")] public IList<ApplicationDifferenceRule>? IgnoreApplicationDifferences { get; init; }

    /// <summary>Generators producing template parameters.</summary>
    [JsonPropertyName("generators")] public required IList<ApplicationSetGenerator> Generators { get; init; }

    /// <summary>The Application produced per parameter set.</summary>
    [JsonPropertyName("template")] public required ApplicationTemplate Template { get; init; }
}
