using PgPlatform.Components.Declaration;
using PgPlatform.Components.Model;
using PgPlatform.Infra.Platform;
using PgPlatform.Stacks.Drills;
using PgPlatform.Stacks.Migrations;

namespace PgPlatform.Infra.Commands;

/// <summary>The application a local drill proves, from the catalog and (with a stack) the stack's declared database.</summary>
internal static class LocalApplication
{
    /// <summary>
    /// <paramref name="application"/>'s schema from the catalog; with <paramref name="database"/> (its declaration in a stack),
    /// the budgets of the tier and the storage size declared for it. Throws <see cref="DeclarationException"/> for an
    /// application the catalog lacks or one without a schema.
    /// </summary>
    public static DrillApplication Declare(string application, DeclaredDatabase? database, long dataSize)
    {
        var entry = ApplicationCatalog.All.FirstOrDefault(e => e.Name == application)
            ?? throw new DeclarationException($"--app: unknown application '{application}'", $"use one of {string.Join(", ", ApplicationCatalog.All.Select(e => e.Name))}");
        var schema = entry.Schema
            ?? throw new DeclarationException($"--app: {application} declares no schema migrations", "add ApplicationSchema to its catalog entry (infra/Platform/ApplicationCatalog.cs)");
        RecoveryBudget? budget = null;
        int? walMaxParallel = null;
        if (database is not null)
        {
            var storage = database.Cluster.Spec.Storage?.Size is { } size ? ByteSize.TryParse(size) : null;
            walMaxParallel = database.ObjectStore.Spec.Configuration.Wal?.MaxParallel;
            budget = new RecoveryBudget(database.Tier.Name, database.Tier.RtoBudget, database.Tier.RpoBudget, storage ?? ByteSize.TryParse(database.Tier.StorageSize)!.Value);
        }

        return new DrillApplication
        {
            Name = application,
            Schema = schema,
            MigrationsPath = MigrationFolder.Resolve(schema.MigrationsDirectory),
            DataSizeBytes = dataSize,
            Budget = budget,
            WalMaxParallel = walMaxParallel,
        };
    }
}
