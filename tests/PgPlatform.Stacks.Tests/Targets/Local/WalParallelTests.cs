using System.Text.RegularExpressions;
using PgPlatform.Stacks.Postgres;
using PgPlatform.Stacks.Targets;
using PgPlatform.Stacks.Targets.Local;
using PgPlatform.Stacks.Waits;
using Xunit.Abstractions;

namespace PgPlatform.Stacks.Tests.Targets.Local;

/// <summary>
/// WAL archived and restored at a parallelism above 1 on a real one-member target (PostgreSQL, barman-cloud, Azurite):
/// every segment is archived exactly once with no gap, and a restore that prefetches reaches the same rows and ends at the
/// end of the WAL instead of waiting on it, its fetcher gone once recovery is over.
/// </summary>
public sealed class WalParallelTests(ITestOutputHelper output)
{
    [Fact]
    public async Task ParallelArchiveArchivesEverySegmentOnceAndAPrefetchingRestoreReachesTheSameRows()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(15));
        var ct = timeout.Token;
        await using var target = await LocalTarget.StartAsync(new LocalTargetOptions { WalMaxParallel = 4 }, LocalShape.Lab with { Instances = 1 }, output.WriteLine, ct);
        var superuser = target.SuperuserReadWriteConnectionString;
        var backup = await target.BackupAsync(ct);

        // Small segments, switched quickly: PostgreSQL's archiver falls behind and the spool's uploader takes .ready files ahead.
        await Sql.ExecuteAsync(superuser, "CREATE TABLE parallel_wal (id bigserial PRIMARY KEY, payload text)", ct);
        string last = "";
        for (var i = 0; i < 12; i++)
        {
            await Sql.ExecuteAsync(superuser, "INSERT INTO parallel_wal (payload) SELECT md5(random()::text) FROM generate_series(1, 5000)", ct);
            last = await Sql.ScalarAsync<string>(superuser, "SELECT pg_walfile_name(pg_switch_wal())", ct);
        }

        await Waiting.UntilAsync($"the archive to reach {last}", TimeSpan.FromMinutes(8), async c =>
            string.CompareOrdinal(await Sql.ScalarAsync<string>(superuser, "SELECT coalesce(last_archived_wal, '') FROM pg_stat_archiver", c), last) >= 0
            && await Sql.ScalarAsync<long>(superuser, "SELECT count(*) FROM pg_ls_archive_statusdir() WHERE name ~ '[.]ready$'", c) == 0,
            ct, TimeSpan.FromMilliseconds(200));
        Assert.Equal(0, await Sql.ScalarAsync<long>(superuser, "SELECT failed_count FROM pg_stat_archiver", ct));

        // No gap from the backup's first segment to the last switched one.
        var archived = (await target.ArchivedWalAsync(ct)).Where(w => w.Length == 24 && string.CompareOrdinal(w, backup.BeginWal) >= 0 && string.CompareOrdinal(w, last) <= 0).ToList();
        var expected = Enumerable.Range(0, (int)(Number(last) - Number(backup.BeginWal) + 1)).Select(i => Name(backup.BeginWal, Number(backup.BeginWal) + i)).ToList();
        Assert.Equal(expected, archived);

        // Exactly once: the uploader's journal names each segment once, and every segment archived ahead of PostgreSQL's
        // request was acknowledged by it (the spool is empty: none left noted, none re-uploaded).
        var member = Path.Combine(target.RunDirectory, "member-1");
        var journal = (await File.ReadAllLinesAsync(Path.Combine(member, "archive-spool.log"), ct)).Where(l => l.Length == 24).ToList();
        Assert.Empty(journal.GroupBy(l => l).Where(g => g.Count() > 1).Select(g => g.Key));
        Assert.Subset(journal.ToHashSet(), expected.ToHashSet());
        Assert.Empty(Directory.GetFiles(Path.Combine(member, "archive-spool")));
        // One long-lived uploader served every call, and took segments ahead of PostgreSQL's requests.
        var archiverLog = await File.ReadAllTextAsync(Path.Combine(member, "archive-spool.daemon.log"), ct);
        Assert.Single(Regex.Matches(archiverLog, @"archiver \d+ serves"));
        Assert.Contains("(ahead)", archiverLog, StringComparison.Ordinal);

        var rows = await Sql.ScalarAsync<long>(superuser, "SELECT count(*) FROM parallel_wal", ct);
        await using var restored = await target.RestoreAsync(new RestoreRequest("parallel", backup.Id), ct);
        Assert.Equal(rows, await Sql.ScalarAsync<long>(restored.ConnectionString, "SELECT count(*) FROM parallel_wal", ct));
        // The spool's fetcher found where the archive ends, and leaves once PostgreSQL has left recovery, clearing its spool.
        var spool = Path.Combine(target.RunDirectory, "restore-parallel", "wal-spool");
        await Waiting.UntilAsync("the restore's WAL fetcher to exit", TimeSpan.FromSeconds(60), _ =>
            Task.FromResult(File.ReadAllText(Path.Combine(spool, "daemon.log")).Contains("exits: PostgreSQL left recovery", StringComparison.Ordinal)), ct, TimeSpan.FromMilliseconds(200));
        var log = await File.ReadAllTextAsync(Path.Combine(spool, "daemon.log"), ct);
        output.WriteLine($"restore fetcher log:\n{log}");
        Assert.Contains("the end of the WAL stream", log, StringComparison.Ordinal);
        Assert.DoesNotContain(Directory.GetFiles(spool).Select(Path.GetFileName), f => f!.Length == 24 || f.EndsWith(".missing", StringComparison.Ordinal));
    }

    private static long Number(string segment) => Convert.ToInt64(segment[8..16], 16) * 256 + Convert.ToInt64(segment[16..24], 16);

    private static string Name(string timelineOf, long number) => $"{timelineOf[..8]}{number / 256:X8}{number % 256:X8}";
}
