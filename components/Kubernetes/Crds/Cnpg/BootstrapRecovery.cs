using System.Text.Json.Serialization;

namespace PgPlatform.Components.Kubernetes.Crds.Cnpg;

/// <summary><c>bootstrap.recovery</c>: restore from an external cluster's object store.</summary>
public sealed class BootstrapRecovery
{
    /// <summary>Name of the external cluster to recover from.</summary>
    [JsonPropertyName("source")] public string? Source { get; init; }

    /// <summary>Application database name.</summary>
    [JsonPropertyName("database")] public string? Database { get; init; }

    /// <summary>Owner role of the database.</summary>
    [JsonPropertyName("owner")] public string? Owner { get; init; }

    /// <summary>basic-auth Secret with the owner's username and password.</summary>
    [JsonPropertyName("secret")] public LocalObjectReference? Secret { get; init; }

    /// <summary>Where recovery stops. Default: full recovery to the end of the archived WAL.</summary>
    [JsonPropertyName("recoveryTarget")] public RecoveryTarget? RecoveryTarget { get; init; }
}
