using System.Text.Json.Serialization;

namespace PgPlatform.Components.Kubernetes.Crds.Cnpg;

/// <summary>A reference to an object in the same namespace by name.</summary>
public sealed class LocalObjectReference
{
    /// <summary>The object's name.</summary>
    [JsonPropertyName("name")] public required string Name { get; init; }
}
