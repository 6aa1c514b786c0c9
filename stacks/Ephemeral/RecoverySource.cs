namespace PgPlatform.Stacks.Ephemeral;

/// <summary>Where a restore stack's database recovers from: the infra program's <c>databases[].recoverFrom</c>.</summary>
/// <param name="Stack">The stack (environment) whose object store holds the backups.</param>
/// <param name="BackupId">The base backup to start from; null lets CNPG choose the newest one that fits.</param>
/// <param name="TargetTime">Recover up to this time (point in time recovery); null replays all archived WAL.</param>
public sealed record RecoverySource(string Stack, string? BackupId = null, DateTimeOffset? TargetTime = null);
