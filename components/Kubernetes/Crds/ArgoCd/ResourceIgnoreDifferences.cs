using System.Text.Json.Serialization;

namespace PgPlatform.Components.Kubernetes.Crds.ArgoCd;

/// <summary>
/// Fields of the objects an Application deploys that Argo CD leaves alone when it compares and (with the sync option
/// <c>RespectIgnoreDifferences=true</c>) syncs: <c>spec.ignoreDifferences[]</c> of an Application
/// (argoproj/argo-cd <c>manifests/crds/application-crd.yaml</c>, v3.4.4: <c>group</c>, <c>kind</c> (required),
/// <c>jqPathExpressions</c>, <c>jsonPointers</c>, <c>managedFieldsManagers</c>, <c>name</c>, <c>namespace</c>).
/// </summary>
public sealed class ResourceIgnoreDifferences
{
    /// <summary>API group of the objects.</summary>
    [JsonPropertyName("group")] public required string Group { get; init; }

    /// <summary>Kind of the objects.</summary>
    [JsonPropertyName("kind")] public required string Kind { get; init; }

    /// <summary>jq path expressions selecting the ignored fields.</summary>
    [JsonPropertyName("jqPathExpressions")] public required IList<string> JqPathExpressions { get; init; }
}
