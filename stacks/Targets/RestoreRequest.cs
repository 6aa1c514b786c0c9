namespace PgPlatform.Stacks.Targets;

/// <summary>What to restore.</summary>
/// <param name="Name">A short name for the restored cluster (a directory or namespace suffix).</param>
/// <param name="BackupId">The base backup to start from.</param>
/// <param name="TargetTime">Recover to this time (point in time recovery); null recovers all archived WAL.</param>
/// <param name="BeforeRecovery">Runs after the base backup is in place and before recovery starts (fault injection).</param>
public sealed record RestoreRequest(string Name, string BackupId, DateTimeOffset? TargetTime = null, Func<CancellationToken, Task>? BeforeRecovery = null);
