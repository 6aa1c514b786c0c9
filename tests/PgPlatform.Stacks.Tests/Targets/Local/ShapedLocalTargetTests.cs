using System.Text.Json;
using System.Text.RegularExpressions;
using Npgsql;
using PgPlatform.Infra.Platform;
using PgPlatform.Stacks.Drills;
using PgPlatform.Stacks.Evidence;
using PgPlatform.Stacks.Postgres;
using PgPlatform.Stacks.Sessions;
using PgPlatform.Stacks.Targets;
using PgPlatform.Stacks.Targets.Local;
using PgPlatform.Stacks.Waits;
using Xunit.Abstractions;

namespace PgPlatform.Stacks.Tests.Targets.Local;

/// <summary>
/// The declared database stood up for real: prod's linkding runs three members of the declared PostgreSQL 17.6 with strict
/// synchronous replication and its parameters; its replicas are low-level base backups of the leader (Debian's
/// pg_basebackup 15 refuses a 17 server); a backup of 17 restores into 17; the application's one read-write address
/// follows a failover, and the former primary, its timeline diverged and no pg_rewind here, is copied again and streams.
/// </summary>
[TestCaseOrderer(RunOrderOrderer.TypeName, RunOrderOrderer.AssemblyName)]
public sealed class ShapedLocalTargetTests(ProdLinkdingTargetFixture fixture, ITestOutputHelper output) : IClassFixture<ProdLinkdingTargetFixture>
{
    [Fact]
    [RunOrder(1)]
    public async Task ProdLinkdingRunsThreeMembersWithTheDeclaredReplicationParametersDatabaseAndOwner()
    {
        var target = fixture.Target;
        var su = target.SuperuserReadWriteConnectionString;

        Assert.Equal(3, target.Members.Count);
        Assert.Equal("1s", await Sql.ScalarAsync<string>(su, "SHOW log_min_duration_statement", CancellationToken.None));
        Assert.Equal("5min", await Sql.ScalarAsync<string>(su, "SHOW archive_timeout", CancellationToken.None));
        Assert.Equal(2L, await Sql.ScalarAsync<long>(su, "SELECT count(*) FROM pg_stat_replication WHERE state = 'streaming'", CancellationToken.None));
        Assert.Equal(1L, await Sql.ScalarAsync<long>(su, "SELECT count(*) FROM pg_stat_replication WHERE sync_state = 'sync'", CancellationToken.None));
        Assert.Equal(("linkding", "linkding"), (await Sql.ScalarAsync<string>(target.ReadWriteConnectionString, "SELECT current_user", CancellationToken.None),
            await Sql.ScalarAsync<string>(target.ReadWriteConnectionString, "SELECT current_database()", CancellationToken.None)));
        using var http = new HttpClient();
        var leader = target.Members[0];
        using var config = JsonDocument.Parse(await http.GetStringAsync(new Uri($"http://127.0.0.1:{RestPort(target, leader.Name)}/config")));
        Assert.True(config.RootElement.GetProperty("synchronous_mode").GetBoolean());
        Assert.True(config.RootElement.GetProperty("synchronous_mode_strict").GetBoolean());

        var shape = target.DescribeShape();
        Assert.Equal("stack prod, application linkding, tier production", shape.Subject);
        Assert.Contains("archive_timeout=5min", shape.AppliedParameters);
        Assert.StartsWith($"rw {target.ReadWriteEndpoint}, ro {target.ReadOnlyEndpoint} (HAProxy", shape.Endpoint, StringComparison.Ordinal);
        Assert.False(PostgresVersions.Mismatch(shape.Versions), shape.Versions);
        Assert.Equal("declared ghcr.io/cloudnative-pg/postgresql:17.6-standard-bookworm, ran PostgreSQL 17.6: same major (17)", shape.Versions);
        Assert.Equal("17.6", shape.RanVersion);
        Assert.Equal("postgresql 17.6", target.Facts.PostgresImage);
        foreach (var member in target.Members)
        {
            Assert.Equal("17.6", await Sql.ScalarAsync<string>(member.ConnectionString, "SHOW server_version", CancellationToken.None));
        }

        // Every member starts at once, so any of them may bootstrap and lead; the other two are copies of it.
        var primary = await PrimaryAsync(target, CancellationToken.None);
        foreach (var replica in target.Members.Where(m => m.Name != primary))
        {
            var log = await File.ReadAllTextAsync(Path.Combine(target.RunDirectory, replica.Name, "patroni.log"));
            Assert.Contains("replica has been created using local_copy", log, StringComparison.Ordinal);
            Assert.Matches($@"replica copy: copied \S+/{primary}/data from port \d+, WAL 0{{7}}1[0-9A-F]{{16}} to 0{{7}}1[0-9A-F]{{16}}", log);
        }
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

    [Fact]
    [RunOrder(3)]
    public async Task TheReadWriteAddressFollowsTheFailoverAndNoAcknowledgedRowIsLostUnderStrictSynchronousReplication()
    {
        var target = fixture.Target;
        var before = target.ReadWriteConnectionString;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));

        var evidence = await DrillRunner.RunOneAsync(target, DrillKind.Failover, Fault.None, new DrillLog(new TestOutputWriter(output)), timeout.Token);

        Assert.True(evidence.Passed, evidence.Reason);
        Assert.Contains("0 of", evidence.Reason, StringComparison.Ordinal);
        Assert.Contains("declared synchronous: none may be lost", evidence.Reason, StringComparison.Ordinal);
        Assert.Equal(before, target.ReadWriteConnectionString);
        Assert.Equal(target.ReadWriteEndpoint, $"{new NpgsqlConnectionStringBuilder(before).Host}:{new NpgsqlConnectionStringBuilder(before).Port}");
        // The writer reached two members (the old primary, then the new one) through the one address.
        var perMember = evidence.Measurements.Single(m => m.Name == "acknowledged rows per member").Value;
        var acknowledging = perMember.Split(", ").Count(p => int.Parse(p.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.True(acknowledging == 2, perMember);
        Assert.False(await Sql.ScalarAsync<bool>(target.ReadWriteConnectionString, "SELECT pg_is_in_recovery()", timeout.Token));
    }

    [Fact]
    [RunOrder(4)]
    public async Task AReplicaReinitializedAfterTheFailoverIsCopiedFromTheNewLeaderOnItsTimeline()
    {
        // Under strict synchronous replication the former primary has nothing the new leader lacks, so it follows without
        // a copy. A member whose timeline diverged is wiped and created again, as Patroni's reinitialize does: ask for that.
        var target = fixture.Target;
        var leader = await PrimaryAsync(target, CancellationToken.None);
        var replica = target.Members.First(m => m.Name != leader);
        using var http = new HttpClient();
        using var body = new StringContent("{\"force\": true}");
        using var response = await http.PostAsync(new Uri($"http://127.0.0.1:{RestPort(target, replica.Name)}/reinitialize"), body);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());

        var log = Path.Combine(target.RunDirectory, replica.Name, "patroni.log");
        var copied = new Regex($@"replica copy: copied \S+/{leader}/data from port \d+, WAL 0{{7}}2[0-9A-F]{{16}} to 0{{7}}2[0-9A-F]{{16}}");
        await Waiting.UntilAsync($"{replica.Name} copied again from {leader} and both replicas streaming", TimeSpan.FromMinutes(2), async ct =>
            copied.IsMatch(await File.ReadAllTextAsync(log, ct))
            && await Sql.ScalarAsync<long>(target.SuperuserReadWriteConnectionString, "SELECT count(*) FROM pg_stat_replication WHERE state = 'streaming'", ct) == 2,
            CancellationToken.None, TimeSpan.FromMilliseconds(250));
        var copy = new NpgsqlConnectionStringBuilder(replica.ConnectionString) { Database = "linkding" };
        Assert.Equal(1000L, await Sql.ScalarAsync<long>(copy.ConnectionString, "SELECT count(*) FROM restore_on_17", CancellationToken.None));
    }

    private static async Task<string> PrimaryAsync(LocalTarget target, CancellationToken cancellationToken)
    {
        foreach (var member in target.Members)
        {
            if (!await Sql.ScalarAsync<bool>(member.ConnectionString, "SELECT pg_is_in_recovery()", cancellationToken))
            {
                return member.Name;
            }
        }

        throw new InvalidOperationException("no member is primary");
    }

    private static int RestPort(LocalTarget target, string member) => target.RestPortOf(member);
}
