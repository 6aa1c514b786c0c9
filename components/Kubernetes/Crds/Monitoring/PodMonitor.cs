using System.Text.Json.Serialization;

namespace PgPlatform.Components.Kubernetes.Crds.Monitoring;

/// <summary>prometheus-operator <c>PodMonitor</c> (monitoring.coreos.com/v1).</summary>
public sealed class PodMonitor() : CustomResource<PodMonitorSpec>("monitoring.coreos.com/v1", "PodMonitor");
