using System.Text.Json.Serialization;
using PgPlatform.Components.Vocabulary;

namespace PgPlatform.Components.Kubernetes.Crds.Monitoring;

/// <summary>prometheus-operator <c>PodMonitor</c> (monitoring.coreos.com/v1).</summary>
public sealed class PodMonitor() : CustomResource<PodMonitorSpec>(MonitoringApi.ApiVersion, MonitoringApi.PodMonitorKind);
