using System.Text.Json.Serialization;

namespace PgPlatform.Components.Kubernetes.Crds.Monitoring;

/// <summary><c>spec.podMetricsEndpoints[]</c>.</summary>
public sealed class PodMetricsEndpoint
{
    /// <summary>Named container port.</summary>
    [JsonPropertyName("port")] public string? Port { get; init; }

    /// <summary>Scrape interval, e.g. <c>30s</c>.</summary>
    [JsonPropertyName("interval")] public string? Interval { get; init; }
}
