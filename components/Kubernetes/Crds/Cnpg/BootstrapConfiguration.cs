using System.Text.Json.Serialization;

namespace PgPlatform.Components.Kubernetes.Crds.Cnpg;

/// <summary><c>Cluster.spec.bootstrap</c>: exactly one method.</summary>
public sealed class BootstrapConfiguration
{
    /// <summary>Create a new, empty cluster.</summary>
    [JsonPropertyName("initdb")] public BootstrapInitDb? InitDb { get; init; }

    /// <summary>Recover from a backup or an object store.</summary>
    [JsonPropertyName("recovery")] public BootstrapRecovery? Recovery { get; init; }
}
