namespace PgPlatform.Components.Settings;

/// <summary>One entry of <c>pg-platform:databases</c>: an application deployed in the stack and its per-stack overrides.</summary>
public sealed record DatabaseSelection
{
    /// <summary>Application name from the organisation's catalog.</summary>
    public required string Name { get; init; }

    /// <summary>Instances. Default: the tier's.</summary>
    public int? Instances { get; init; }

    /// <summary>PGDATA size. Default: the tier's.</summary>
    public string? StorageSize { get; init; }

    /// <summary>WAL volume size. Default: none.</summary>
    public string? WalStorageSize { get; init; }

    /// <summary>Six-field backup schedule. Default: the tier's.</summary>
    public string? BackupSchedule { get; init; }

    /// <summary>Recovery window in days. Default: the tier's.</summary>
    public int? RetentionDays { get; init; }

    /// <summary>Where the database is restored from. Default: none (a new, empty database).</summary>
    public RecoverySelection? RecoverFrom { get; init; }
}
