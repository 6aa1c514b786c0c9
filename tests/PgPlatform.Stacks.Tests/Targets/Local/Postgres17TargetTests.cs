using Npgsql;
using PgPlatform.Infra.Platform;
using PgPlatform.Stacks.Evidence;
using PgPlatform.Stacks.Postgres;
using PgPlatform.Stacks.Sessions;
using PgPlatform.Stacks.Targets;
using PgPlatform.Stacks.Targets.Local;

namespace PgPlatform.Stacks.Tests.Targets.Local;

/// <summary>
/// The declared major drilled for real: three Patroni members of PostgreSQL 17.6 whose replicas were restored from the first
/// base backup in the object store (Debian's pg_basebackup 15 refuses a 17 server), and a backup of 17 restored into 17.
/// </summary>
[TestCaseOrderer(RunOrderOrderer.TypeName, RunOrderOrderer.AssemblyName)]
public sealed class Postgres17TargetTests(Postgres17TargetFixture fixture) : IClassFixture<Postgres17TargetFixture>
{
    [Fact]
    [RunOrder(1)]
    public async Task ProdLinkdingRunsThreeMembersOfTheDeclaredMajorWhoseReplicasWereRestoredFromTheObjectStore()
    {
        var target = fixture.Target;
        var su = target.SuperuserReadWriteConnectionString;

        Assert.Equal(2L, await Sql.ScalarAsync<long>(su, "SELECT count(*) FROM pg_stat_replication WHERE state = 'streaming'", CancellationToken.None));
        foreach (var member in target.Members)
        {
            Assert.Equal("17.6", await Sql.ScalarAsync<string>(member.ConnectionString, "SHOW server_version", CancellationToken.None));
        }

        foreach (var replica in new[] { "member-2", "member-3" })
        {
            Assert.Contains("replica from backup: restored base backup", await File.ReadAllTextAsync(Path.Combine(target.RunDirectory, replica, "patroni.log")), StringComparison.Ordinal);
        }

        var shape = target.DescribeShape();
        Assert.Equal("17.6", shape.RanVersion);
        Assert.False(PostgresVersions.Mismatch(shape.Versions), shape.Versions);
        Assert.Equal("declared ghcr.io/cloudnative-pg/postgresql:17.6-standard-bookworm, ran PostgreSQL 17.6: same major (17)", shape.Versions);
        Assert.Equal("postgresql 17.6", target.Facts.PostgresImage);
        Assert.Contains("archive_timeout=5min", shape.AppliedParameters);
    }

    [Fact]
    [RunOrder(2)]
    public async Task ABackupOfPostgreSql17RestoresIntoPostgreSql17WithTheWalWrittenAfterIt()
    {
        var target = fixture.Target;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(6));
        await Sql.ExecuteAsync(target.ReadWriteConnectionString, "CREATE TABLE restore_on_17 (n int); INSERT INTO restore_on_17 VALUES (1)", timeout.Token);
        var backup = await target.BackupAsync(timeout.Token);
        await Sql.ExecuteAsync(target.ReadWriteConnectionString, "INSERT INTO restore_on_17 SELECT generate_series(2, 1000)", timeout.Token);
        await target.SwitchWalAsync(timeout.Token);

        await using var restored = await target.RestoreAsync(new RestoreRequest("pg17", backup.Id), timeout.Token);

        Assert.StartsWith("PostgreSQL 17.6 ", await Sql.ScalarAsync<string>(restored.ConnectionString, "SELECT version()", timeout.Token), StringComparison.Ordinal);
        var database = new NpgsqlConnectionStringBuilder(restored.ConnectionString) { Database = "linkding" }.ConnectionString;
        Assert.Equal(1000L, await Sql.ScalarAsync<long>(database, "SELECT count(*) FROM restore_on_17", timeout.Token));
    }
}
