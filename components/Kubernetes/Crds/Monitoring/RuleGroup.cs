using System.Text.Json.Serialization;

namespace PgPlatform.Components.Kubernetes.Crds.Monitoring;

/// <summary><c>spec.groups[]</c>.</summary>
public sealed class RuleGroup
{
    /// <summary>Group name.</summary>
    [JsonPropertyName("name")] public required string Name { get; init; }

    /// <summary>Alerting rules.</summary>
    [JsonPropertyName("rules")] public required IList<AlertRule> Rules { get; init; }
}
