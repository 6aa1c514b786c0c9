using System.Text.Json.Serialization;

namespace PgPlatform.Components.Kubernetes.Crds.ArgoCd;

/// <summary>A directory glob of the git generator.</summary>
public sealed class GitDirectory
{
    /// <summary>Glob, e.g. <c>databases/*/overlays/prod</c>.</summary>
    [JsonPropertyName("path")] public required string Path { get; init; }
}
