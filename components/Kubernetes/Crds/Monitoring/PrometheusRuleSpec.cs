using System.Text.Json.Serialization;

namespace PgPlatform.Components.Kubernetes.Crds.Monitoring;

/// <summary><c>PrometheusRule.spec</c>.</summary>
public sealed class PrometheusRuleSpec
{
    /// <summary>Rule groups.</summary>
    [JsonPropertyName("groups")] public required IList<RuleGroup> Groups { get; init; }
}
