using System.Text.Json.Serialization;

namespace PgPlatform.Components.Kubernetes.Crds.ArgoCd;

/// <summary>An Application's sync policy.</summary>
public sealed class SyncPolicy
{
    /// <summary>Automated sync; absent means manual.</summary>
    [JsonPropertyName("automated")] public AutomatedSync? Automated { get; init; }

    /// <summary>Sync options, e.g. <c>ServerSideApply=true</c>.</summary>
    [JsonPropertyName("syncOptions")] public IList<string>? SyncOptions { get; init; }
}
