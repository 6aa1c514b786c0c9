using System.Text.Json.Serialization;

namespace PgPlatform.Components.Kubernetes.Crds.ArgoCd;

/// <summary>An Application's source: a kustomize overlay in the GitOps repository.</summary>
public sealed class ApplicationSource
{
    /// <summary>Repository URL.</summary>
    [JsonPropertyName("repoURL")] public required string RepoUrl { get; init; }

    /// <summary>Branch, tag or commit.</summary>
    [JsonPropertyName("targetRevision")] public string? TargetRevision { get; init; }

    /// <summary>Overlay path (templated).</summary>
    [JsonPropertyName("path")] public string? Path { get; init; }
}
