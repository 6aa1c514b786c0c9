using System.Text.Json.Serialization;

namespace PgPlatform.Components.Kubernetes.Crds.ArgoCd;

/// <summary>An API group and kind.</summary>
public sealed class GroupKind
{
    /// <summary>Group ("" for core).</summary>
    [JsonPropertyName("group")] public required string Group { get; init; }

    /// <summary>Kind.</summary>
    [JsonPropertyName("kind")] public required string Kind { get; init; }
}
