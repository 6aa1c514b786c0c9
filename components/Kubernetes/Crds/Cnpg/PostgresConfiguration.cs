using System.Text.Json.Serialization;

namespace PgPlatform.Components.Kubernetes.Crds.Cnpg;

/// <summary><c>Cluster.spec.postgresql</c>.</summary>
public sealed class PostgresConfiguration
{
    /// <summary>postgresql.conf parameters.</summary>
    [JsonPropertyName("parameters")] public IDictionary<string, string>? Parameters { get; init; }

    /// <summary>Synchronous replication; when absent, CNPG replicates asynchronously.</summary>
    [JsonPropertyName("synchronous")] public SynchronousReplicaConfiguration? Synchronous { get; init; }
}
