using System.Text.Json.Serialization;

namespace PgPlatform.Components.Kubernetes.Crds.Monitoring;

/// <summary><c>spec.groups[].rules[]</c> with <c>alert</c> set.</summary>
public sealed class AlertRule
{
    /// <summary>Alert name.</summary>
    [JsonPropertyName("alert")] public required string Alert { get; init; }

    /// <summary>PromQL expression.</summary>
    [JsonPropertyName("expr")] public required string Expr { get; init; }

    /// <summary>How long the condition must hold, e.g. <c>5m</c>.</summary>
    [JsonPropertyName("for")] public string? For { get; init; }

    /// <summary>Labels, <c>severity</c> and <c>alert_class</c> among them.</summary>
    [JsonPropertyName("labels")] public IDictionary<string, string>? Labels { get; init; }

    /// <summary>Summary and description.</summary>
    [JsonPropertyName("annotations")] public IDictionary<string, string>? Annotations { get; init; }
}
