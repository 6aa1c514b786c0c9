using PgPlatform.Infra.Platform;
using PgPlatform.Stacks.Drills;
using PgPlatform.Stacks.Evidence;
using PgPlatform.Stacks.Migrations;
using Xunit.Abstractions;

namespace PgPlatform.Stacks.Tests.Drills;

/// <summary>
/// The restore drill with an application's schema on a real local target: migrations before the backup, seeding through
/// the schema, and after the restore the release's new migration, ownership and smoke reads. Ordered: the first test
/// leaves the source at linkding's released version, which the second builds on.
/// </summary>
[TestCaseOrderer(RunOrderOrderer.TypeName, RunOrderOrderer.AssemblyName)]
public sealed class ApplicationRestoreDrillTests(LocalTargetFixture fixture, ITestOutputHelper output) : IClassFixture<LocalTargetFixture>
{
    private static readonly RecoveryBudget Production = new("production", TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(5), 20L * 1024 * 1024 * 1024);

    private async Task<DrillEvidence> RunAsync(DrillApplication application)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        return await DrillRunner.RunOneAsync(fixture.Target, DrillKind.Restore, Fault.None, new DrillLog(new TestOutputWriter(output)), timeout.Token, application);
    }

    private static string Measured(DrillEvidence evidence, string name) => evidence.Measurements.Single(m => m.Name == name).Value;

    [Fact]
    [RunOrder(1)]
    public async Task LinkdingIsSeededBeforeTheBackupAndItsNewMigrationAndSmokeReadsPassOnTheRestore()
    {
        var schema = ApplicationCatalog.Linkding.Schema!;
        var application = new DrillApplication
        {
            Name = "linkding", Schema = schema, MigrationsPath = MigrationFolder.Resolve(schema.MigrationsDirectory), DataSizeBytes = 8L * 1024 * 1024, Budget = Production,
        };

        var evidence = await RunAsync(application);

        Assert.True(evidence.Passed, evidence.Reason);
        Assert.Matches(@"^passed \(1 applied in [0-9.]+ s\)$", evidence.ApplicationMigration);
        Assert.Contains("V3__bookmark_archive_and_notes.sql on the restored database", evidence.Reason, StringComparison.Ordinal);
        Assert.Contains("every object of the public schema is owned by app", evidence.Reason, StringComparison.Ordinal);
        Assert.Contains("smoke 'tagged bookmarks not archived': ", evidence.Reason, StringComparison.Ordinal);
        Assert.StartsWith("linkding at V2__bookmarks_and_tags.sql (2 applied now)", Measured(evidence, "source schema"), StringComparison.Ordinal);
        Assert.Matches(@"^[0-9.]+ MiB \([0-9]+ batch", Measured(evidence, "data seeded"));
        Assert.Matches(@"^[0-9.]+ MB in the object store", Measured(evidence, "backup size"));
        Assert.Matches(@"^[0-9.]+ MB/s \(", Measured(evidence, "restore throughput"));
        Assert.Matches(@"^[0-9.]+ MB/s \(", Measured(evidence, "WAL replay rate"));
        Assert.Matches(@"^[0-9]+ segment\(s\) behind at the end of the write load; caught up in", Measured(evidence, "archive lag"));
        Assert.Matches(@"^[0-9]+ s at the declared 21\.5 GB, budget 1800 s \(production\): ", Measured(evidence, "projected RTO"));
        // The projection is evidence as a number too (the fleet view judges it against the budget): the one the text states, and at
        // least the observed RTO, since a full volume only adds to the download.
        var projected = Assert.IsType<double>(evidence.ProjectedRtoSeconds);
        Assert.StartsWith(projected.ToString("F0", System.Globalization.CultureInfo.InvariantCulture) + " s at the declared", Measured(evidence, "projected RTO"), StringComparison.Ordinal);
        Assert.True(projected >= evidence.RtoSeconds, $"projected {projected} s < observed {evidence.RtoSeconds} s");
        Assert.Matches(@"budget 300 s \(production\): within budget$", Measured(evidence, "observed RPO"));
    }

    [Fact]
    [RunOrder(2)]
    public async Task ABrokenMigrationFailsTheDrillWithItsNameAndError()
    {
        var folder = TempRoot.Create("pgp-migrations-");
        try
        {
            foreach (var file in Directory.GetFiles(MigrationFolder.Resolve(ApplicationCatalog.Linkding.Schema!.MigrationsDirectory)))
            {
                File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
            }

            await File.WriteAllTextAsync(Path.Combine(folder, "V4__broken_release.sql"), "ALTER TABLE bookmarks_bookmark ADD COLUMN shared boolean NOT NULL DEFAULT false;\nALTER TABLE bookmarks_missing ADD COLUMN x integer;\n");
            var application = new DrillApplication { Name = "linkding", Schema = ApplicationCatalog.Linkding.Schema!, MigrationsPath = folder, DataSizeBytes = 1 };

            var evidence = await RunAsync(application);

            Assert.False(evidence.Passed);
            Assert.Null(evidence.ProjectedRtoSeconds);
            Assert.StartsWith("failed: V4__broken_release.sql: 42P01: relation \"bookmarks_missing\" does not exist", evidence.ApplicationMigration, StringComparison.Ordinal);
            Assert.Contains("application migration failed: V4__broken_release.sql", evidence.Reason, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
