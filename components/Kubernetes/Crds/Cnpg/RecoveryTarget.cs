using System.Text.Json.Serialization;

namespace PgPlatform.Components.Kubernetes.Crds.Cnpg;

/// <summary><c>bootstrap.recovery.recoveryTarget</c>: where recovery stops (default: the end of the archived WAL).</summary>
public sealed class RecoveryTarget
{
    /// <summary>The backup recovery starts from. Default: the operator picks the latest (before <see cref="TargetTime"/> when set).</summary>
    [JsonPropertyName("backupID")] public string? BackupId { get; init; }

    /// <summary>Point in time to recover to, RFC 3339 (CNPG reads a timestamp without zone as UTC).</summary>
    [JsonPropertyName("targetTime")] public string? TargetTime { get; init; }
}
