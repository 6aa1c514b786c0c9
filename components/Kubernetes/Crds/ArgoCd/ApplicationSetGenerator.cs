using System.Text.Json.Serialization;

namespace PgPlatform.Components.Kubernetes.Crds.ArgoCd;

/// <summary>One generator; pg-platform uses the git directory generator.</summary>
public sealed class ApplicationSetGenerator
{
    /// <summary>Git generator.</summary>
    [JsonPropertyName("git")] public GitGenerator? Git { get; init; }
}
