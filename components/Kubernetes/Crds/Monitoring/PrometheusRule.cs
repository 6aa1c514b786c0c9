using System.Text.Json.Serialization;
using PgPlatform.Components.Vocabulary;

namespace PgPlatform.Components.Kubernetes.Crds.Monitoring;

/// <summary>prometheus-operator <c>PrometheusRule</c> (monitoring.coreos.com/v1).</summary>
public sealed class PrometheusRule() : CustomResource<PrometheusRuleSpec>(MonitoringApi.ApiVersion, MonitoringApi.PrometheusRuleKind);
