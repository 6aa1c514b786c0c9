using PgPlatform.Components.Declaration;

namespace PgPlatform.Stacks.Drills;

/// <summary>The application whose database a drill proves: its schema, how much data to fill it with, and the tier's budgets.</summary>
public sealed record DrillApplication
{
    /// <summary>Default data size: small enough for CI on 2 cores.</summary>
    public const long DefaultDataSizeBytes = 16L * 1024 * 1024;

    /// <summary>The application (catalog name).</summary>
    public required string Name { get; init; }

    /// <summary>Its migrations, seed and smoke reads.</summary>
    public required ApplicationSchema Schema { get; init; }

    /// <summary>The migrations folder, resolved to a path on this machine.</summary>
    public required string MigrationsPath { get; init; }

    /// <summary>Database size the restore drill fills the schema to before the base backup. Default: 16 MiB.</summary>
    public long DataSizeBytes { get; init; } = DefaultDataSizeBytes;

    /// <summary>The declared ObjectStore's <c>wal.maxParallel</c>, which the local target's archive and restores honour; null when nothing declares it (the lab).</summary>
    public int? WalMaxParallel { get; init; }

    /// <summary>The tier's restore budgets and the declared storage size; null when nothing declares them (the lab).</summary>
    public RecoveryBudget? Budget { get; init; }
}
