using System.Text.Json.Serialization;

namespace PgPlatform.Components.Kubernetes.Crds.ArgoCd;

/// <summary>Git directory generator: one Application per matching directory.</summary>
public sealed class GitGenerator
{
    /// <summary>GitOps repository URL.</summary>
    [JsonPropertyName("repoURL")] public required string RepoUrl { get; init; }

    /// <summary>Branch, tag or commit.</summary>
    [JsonPropertyName("revision")] public required string Revision { get; init; }

    /// <summary>Directory globs.</summary>
    [JsonPropertyName("directories")] public required IList<GitDirectory> Directories { get; init; }
}
