using System.Text.Json.Serialization;

namespace PgPlatform.Components.Kubernetes.Crds.ArgoCd;

/// <summary>Automated sync settings.</summary>
public sealed class AutomatedSync
{
    /// <summary>Delete objects no longer in Git.</summary>
    [JsonPropertyName("prune")] public bool? Prune { get; init; }

    /// <summary>Revert drift made in the cluster.</summary>
    [JsonPropertyName("selfHeal")] public bool? SelfHeal { get; init; }
}
