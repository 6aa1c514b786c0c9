namespace PgPlatform.Components.Day2;

/// <summary>
/// Bootstraps a database by recovery from the backups of the same application in another environment (a
/// restore drill, a new environment restored from an old one). The source's container must live in this
/// environment's backup storage account; the restored cluster reads it and archives into its own container.
/// </summary>
public sealed record DatabaseRecovery
{
    /// <summary>Environment (stack) whose backups are restored; its container is <c>&lt;app&gt;-&lt;SourceEnvironment&gt;</c>.</summary>
    public required string SourceEnvironment { get; init; }

    /// <summary>Barman backup id to start from. Default: the operator picks the latest backup (the latest before <see cref="TargetTime"/> when that is set).</summary>
    public string? BackupId { get; init; }

    /// <summary>Point in time to recover to. Default: none, so recovery replays all archived WAL.</summary>
    public DateTimeOffset? TargetTime { get; init; }
}
