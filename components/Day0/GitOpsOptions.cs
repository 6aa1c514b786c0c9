using PgPlatform.Components.Vocabulary;

namespace PgPlatform.Components.Day0;

/// <summary>Where Argo CD finds the GitOps tree of one environment, for the AppProject and ApplicationSets day-0 declares.</summary>
public sealed record GitOpsOptions
{
    /// <summary>GitOps repository URL.</summary>
    public required string RepoUrl { get; init; }

    /// <summary>Branch, tag or commit. Default: <c>main</c>.</summary>
    public string Revision { get; init; } = "main";

    /// <summary>Argo CD AppProject of the generated Applications. Default: <c>default</c>.</summary>
    public string Project { get; init; } = "default";

    /// <summary>Namespace Argo CD runs in. Default: <c>argocd</c>.</summary>
    public string ArgoCdNamespace { get; init; } = ArgoCdApi.Namespace;
}
