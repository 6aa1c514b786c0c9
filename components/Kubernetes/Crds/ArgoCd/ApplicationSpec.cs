using System.Text.Json.Serialization;

namespace PgPlatform.Components.Kubernetes.Crds.ArgoCd;

/// <summary>The spec of a generated Application.</summary>
public sealed class ApplicationSpec
{
    /// <summary>AppProject the Application belongs to.</summary>
    [JsonPropertyName("project")] public required string Project { get; init; }

    /// <summary>Where the manifests come from.</summary>
    [JsonPropertyName("source")] public required ApplicationSource Source { get; init; }

    /// <summary>Where they are deployed.</summary>
    [JsonPropertyName("destination")] public required ApplicationDestination Destination { get; init; }

    /// <summary>Fields of the deployed objects Argo CD neither compares nor (with <c>RespectIgnoreDifferences=true</c>) syncs.</summary>
    [JsonPropertyName("ignoreDifferences")] public IList<ResourceIgnoreDifferences>? IgnoreDifferences { get; init; }

    /// <summary>Automated sync with prune and self-heal.</summary>
    [JsonPropertyName("syncPolicy")] public SyncPolicy? SyncPolicy { get; init; }
}
