using System.Text.Json.Serialization;

namespace PgPlatform.Components.Kubernetes.Crds.Cnpg;

/// <summary><c>Cluster.spec.postgresql.synchronous</c> (CNPG 1.30): quorum or priority synchronous replication.</summary>
public sealed class SynchronousReplicaConfiguration
{
    /// <summary><c>any</c> (quorum) or <c>first</c> (priority).</summary>
    [JsonPropertyName("method")] public required string Method { get; init; }

    /// <summary>Standbys a commit waits for; above zero and below <c>spec.instances</c>.</summary>
    [JsonPropertyName("number")] public required int Number { get; init; }

    /// <summary><c>required</c> (writes block without enough healthy standbys) or <c>preferred</c>.</summary>
    [JsonPropertyName("dataDurability")] public string? DataDurability { get; init; }
}
