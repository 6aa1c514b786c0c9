namespace PgPlatform.Components.Settings;

/// <summary><c>pg-platform:databases[].recoverFrom</c>: restore the database from another stack's backups instead of starting empty.</summary>
public sealed record RecoverySelection
{
    /// <summary>The stack (environment) whose backups are restored; its container is <c>&lt;app&gt;-&lt;stack&gt;</c> in this stack's storage account.</summary>
    public required string Stack { get; init; }

    /// <summary>Barman backup id to start from. Default: the latest (before <see cref="TargetTime"/> when set).</summary>
    public string? BackupId { get; init; }

    /// <summary>Point in time (UTC) to recover to. Default: the end of the archived WAL.</summary>
    public DateTimeOffset? TargetTime { get; init; }
}
