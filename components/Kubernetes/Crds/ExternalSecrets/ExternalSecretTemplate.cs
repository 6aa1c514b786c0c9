using System.Text.Json.Serialization;

namespace PgPlatform.Components.Kubernetes.Crds.ExternalSecrets;

/// <summary><c>spec.target.template</c>.</summary>
public sealed class ExternalSecretTemplate
{
    /// <summary>Secret type, e.g. <c>kubernetes.io/basic-auth</c>.</summary>
    [JsonPropertyName("type")] public string? Type { get; init; }

    /// <summary>Template engine version; <c>v2</c>.</summary>
    [JsonPropertyName("engineVersion")] public string? EngineVersion { get; init; }

    /// <summary>Labels and annotations of the produced Secret.</summary>
    [JsonPropertyName("metadata")] public Cnpg.EmbeddedObjectMetadata? Metadata { get; init; }

    /// <summary>Templated keys of the produced Secret; values may use <c>{{ .key }}</c>.</summary>
    [JsonPropertyName("data")] public IDictionary<string, string>? Data { get; init; }
}
