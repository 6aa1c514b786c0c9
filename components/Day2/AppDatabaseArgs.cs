namespace PgPlatform.Components.Day2;

/// <summary>The database contract of one application. Every optional property documents its default.</summary>
public sealed record AppDatabaseArgs
{
    /// <summary>Owning team; becomes the <c>pg-platform.io/team</c> label.</summary>
    public required string Team { get; init; }

    /// <summary>The environment the database is deployed into.</summary>
    public required PlatformEnvironment Environment { get; init; }

    /// <summary>Instances. Default: the tier's default (production 3, staging 2, otherwise 1); never fewer than the tier's minimum.</summary>
    public int? Instances { get; init; }

    /// <summary>PGDATA size as a Kubernetes quantity. Default: the tier's size.</summary>
    public string? StorageSize { get; init; }

    /// <summary>Separate WAL volume size. Default: none (WAL on the PGDATA volume).</summary>
    public string? WalStorageSize { get; init; }

    /// <summary>Base-backup schedule, six-field cron with seconds first. Default: the tier's schedule.</summary>
    public string? BackupSchedule { get; init; }

    /// <summary>Recovery window in days, within the tier's bounds. Default: the tier's retention.</summary>
    public int? RetentionDays { get; init; }

    /// <summary>
    /// Where these arguments are declared in a stack file, as the key of the entry (<c>pg-platform:databases[1]</c>),
    /// or null when declared in code: errors then name the stack file's keys (<c>'pg-platform:databases[1].retentionDays'
    /// in Pulumi.prod.yaml</c>) instead of these properties.
    /// </summary>
    public string? DeclaredAt { get; init; }

    /// <summary>The stack file <see cref="DeclaredAt"/> is in (<c>Pulumi.prod.yaml</c>).</summary>
    public string? DeclaredIn { get; init; }

    /// <summary>Database name. Default: the application name with '-' replaced by '_'.</summary>
    public string? Database { get; init; }

    /// <summary>Owner role. Default: the database name.</summary>
    public string? Owner { get; init; }

    /// <summary>CPU request per instance. Default: the tier's request.</summary>
    public string? CpuRequest { get; init; }

    /// <summary>Memory request per instance (and limit where the tier sets one). Default: the tier's memory.</summary>
    public string? Memory { get; init; }

    /// <summary>Logical names of resources every resource of the database waits for (operators, Key Vault). Default: none.</summary>
    public IReadOnlyList<string> DependsOn { get; init; } = [];

    /// <summary>
    /// Whether the instances run as the day-0 ServiceAccount carrying the backup workload identity. Default:
    /// true. Without it CNPG creates its own ServiceAccount and the object store cannot be reached.
    /// </summary>
    public bool UseWorkloadIdentity { get; init; } = true;

    /// <summary>
    /// Bootstrap by recovery from another environment's backups instead of an empty initdb. Default: none.
    /// The cluster still archives into its own container.
    /// </summary>
    public DatabaseRecovery? Recovery { get; init; }

    /// <summary>Extra postgresql.conf parameters. Default: none beyond the platform's.</summary>
    public IReadOnlyDictionary<string, string> PostgresParameters { get; init; } = new Dictionary<string, string>();
}
