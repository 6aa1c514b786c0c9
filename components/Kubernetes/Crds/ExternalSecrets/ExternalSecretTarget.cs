using System.Text.Json.Serialization;

namespace PgPlatform.Components.Kubernetes.Crds.ExternalSecrets;

/// <summary><c>spec.target</c>.</summary>
public sealed class ExternalSecretTarget
{
    /// <summary>Name of the produced Secret.</summary>
    [JsonPropertyName("name")] public required string Name { get; init; }

    /// <summary><c>Owner</c>: the ExternalSecret owns and creates the Secret.</summary>
    [JsonPropertyName("creationPolicy")] public string? CreationPolicy { get; init; }

    /// <summary>Shape of the produced Secret.</summary>
    [JsonPropertyName("template")] public ExternalSecretTemplate? Template { get; init; }
}
