using System.Diagnostics;
using System.Globalization;
using Npgsql;
using PgPlatform.Stacks.Migrations;
using PgPlatform.Stacks.Postgres;

namespace PgPlatform.Stacks.Drills;

/// <summary>
/// The restore drill's application side: the source migrated to the released schema and filled through it before the
/// base backup; after the restore, the application's migrations (the newest file plays the release that follows the
/// restore) and its smoke reads, as the application's owner role.
/// </summary>
internal static class ApplicationRestoreSteps
{
    private const double MiB = 1024 * 1024;

    /// <summary>Migrates the source to every migration but the newest and seeds it to the data size; false (with the failure recorded) if a migration fails.</summary>
    public static async Task<bool> PrepareSourceAsync(DrillApplication application, string owner, DrillRecorder recorder, CancellationToken cancellationToken)
    {
        var scripts = MigrationFolder.Read(application.MigrationsPath, application.Schema.SeedFile);
        if (scripts.Count < 2)
        {
            recorder.Fail($"{application.MigrationsPath}: needs at least two migrations, the newest playing the release that follows the restore");
            return false;
        }

        var released = scripts.Take(scripts.Count - 1).ToList();
        var outcome = await recorder.PhaseAsync("application migrations on the source", () => MigrationRunner.ApplyAsync(Long(owner), released, cancellationToken));
        if (!outcome.Passed)
        {
            recorder.ApplicationMigration = $"{outcome.Describe()} (on the source, before the backup)";
            recorder.Fail($"application migration on the source {outcome.Describe()}");
            return false;
        }

        recorder.Measure("source schema", $"{application.Name} at {released[^1].Name} ({outcome.Applied.Count} applied now); {scripts[^1].Name} waits for after the restore");
        var seed = await File.ReadAllTextAsync(Path.Combine(application.MigrationsPath, application.Schema.SeedFile), cancellationToken);
        await recorder.PhaseAsync("seed application data", async () =>
        {
            var clock = Stopwatch.StartNew();
            var batches = 0;
            long size;
            do
            {
                await Sql.ExecuteAsync(Long(owner), seed, cancellationToken);
                batches++;
                size = await Sql.ScalarAsync<long>(owner, "SELECT pg_database_size(current_database())", cancellationToken);
            }
            while (size < application.DataSizeBytes);

            recorder.Measure("data seeded", string.Create(CultureInfo.InvariantCulture,
                $"{size / MiB:F1} MiB ({batches} batch(es) of {application.Schema.SeedFile}, target {application.DataSizeBytes / MiB:F1} MiB) in {clock.Elapsed.TotalSeconds:F1} s"));
        });
        return true;
    }

    /// <summary>On the restored database: every migration (at least one new), object ownership, and the smoke reads.</summary>
    public static async Task CheckRestoredAsync(DrillApplication application, string restoredOwner, DrillRecorder recorder, CancellationToken cancellationToken)
    {
        var scripts = MigrationFolder.Read(application.MigrationsPath, application.Schema.SeedFile);
        var outcome = await recorder.PhaseAsync("application migrations on the restored database", () => MigrationRunner.ApplyAsync(Long(restoredOwner), scripts, cancellationToken));
        recorder.ApplicationMigration = outcome.Describe();
        if (!outcome.Passed)
        {
            recorder.Fail($"application migration {outcome.Describe()}");
            return;
        }

        if (!recorder.Check(outcome.Applied.Count > 0,
            $"application migration {outcome.Describe()}: {string.Join(", ", outcome.Applied)} on the restored database",
            $"application migration: no migration was new since the backup; expected {scripts[^1].Name}"))
        {
            return;
        }

        var role = new NpgsqlConnectionStringBuilder(restoredOwner).Username;
        var foreign = await Sql.ScalarAsync<long>(restoredOwner,
            "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relowner <> (SELECT oid FROM pg_roles WHERE rolname = current_user)",
            cancellationToken);
        recorder.Check(foreign == 0, $"every object of the public schema is owned by {role}", $"{foreign} object(s) of the public schema are not owned by {role}");

        foreach (var smoke in application.Schema.SmokeQueries)
        {
            try
            {
                var count = await Sql.ScalarAsync<long>(restoredOwner, smoke.Sql, cancellationToken);
                recorder.Check(count > 0, $"smoke '{smoke.Name}': {count}", $"smoke '{smoke.Name}' found nothing on the restored database");
            }
            catch (PostgresException e)
            {
                recorder.Fail($"smoke '{smoke.Name}': {e.SqlState}: {e.MessageText}");
            }
        }
    }

    /// <summary>The restored database as the source's application owner (roles and passwords come back with the restore).</summary>
    public static string RestoredOwner(string restoredSuperuser, string sourceOwner)
    {
        var source = new NpgsqlConnectionStringBuilder(sourceOwner);
        return new NpgsqlConnectionStringBuilder(restoredSuperuser) { Username = source.Username, Password = source.Password, Database = source.Database }.ConnectionString;
    }

    // Seeding and migrations are batch work: the endpoint's 5 s command timeout is for the probes.
    private static string Long(string connectionString) => new NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = 300 }.ConnectionString;
}
