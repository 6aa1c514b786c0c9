using System.Text.Json.Serialization;
using k8s.Models;

namespace PgPlatform.Components.Kubernetes.Crds.Monitoring;

/// <summary><c>PodMonitor.spec</c>.</summary>
public sealed class PodMonitorSpec
{
    /// <summary>Pods to scrape.</summary>
    [JsonPropertyName("selector")] public required V1LabelSelector Selector { get; init; }

    /// <summary>Endpoints to scrape on each pod.</summary>
    [JsonPropertyName("podMetricsEndpoints")] public required IList<PodMetricsEndpoint> PodMetricsEndpoints { get; init; }
}
