using System.Text.Json.Serialization;

namespace PgPlatform.Components.Kubernetes.Crds.ArgoCd;

/// <summary>Fields of generated Applications the ApplicationSet controller leaves alone (<c>spec.ignoreApplicationDifferences[]</c>).</summary>
public sealed class ApplicationDifferenceRule
{
    /// <summary>JSON pointers into the Application.</summary>
    [JsonPropertyName("jsonPointers")] public required IList<string> JsonPointers { get; init; }
}
