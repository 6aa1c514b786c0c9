using System.Text.Json.Serialization;

namespace PgPlatform.Components.Kubernetes.Crds.ArgoCd;

/// <summary>An Application's destination cluster and namespace.</summary>
public sealed class ApplicationDestination
{
    /// <summary>API server URL; <c>https://kubernetes.default.svc</c> for the local cluster.</summary>
    [JsonPropertyName("server")] public string? Server { get; init; }

    /// <summary>Target namespace (templated).</summary>
    [JsonPropertyName("namespace")] public string? Namespace { get; init; }
}
