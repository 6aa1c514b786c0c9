using System.Diagnostics;
using System.Globalization;
using Npgsql;
using PgPlatform.Stacks.Postgres;
using PgPlatform.Stacks.Targets.ObjectStore;
using PgPlatform.Stacks.Waits;

namespace PgPlatform.Stacks.Targets.Local;

/// <summary>
/// WAL archive and replay throughput of the local target's barman-cloud pieces, measured on a real PostgreSQL 15 and
/// Azurite in a run directory of their own (the benchmark behind <c>pg-platform-bench wal</c>). A base backup is taken,
/// write load is archived once at parallelism 1 and once at the parallelism asked, and that WAL is replayed onto the
/// backup from local files (<c>cp</c>) and from the object store at each restore parallelism asked.
/// </summary>
public static class WalThroughput
{
    private const string Server = "walbench";
    private const long SegmentBytes = 16L * 1024 * 1024;

    /// <summary>One archive phase: <paramref name="ReadyAtEndOfLoad"/> segments were waiting for the archiver when the load ended.</summary>
    public sealed record ArchivePhase(int Parallel, int Segments, TimeSpan Load, int ReadyAtEndOfLoad, TimeSpan CatchUp, string LoadAverage)
    {
        /// <summary>WAL archived per second from the start of the load until the archive caught up.</summary>
        public double MegabytesPerSecond => Segments * 16.0 / (Load + CatchUp).TotalSeconds;
    }

    /// <summary>One replay: WAL restored through <paramref name="Source"/> (<c>local</c> or <c>store xN</c>), from recovery start to the first read-write query.</summary>
    public sealed record Replay(string Source, int Segments, TimeSpan Elapsed, long Rows, string LoadAverage)
    {
        /// <summary>Segments replayed per second.</summary>
        public double SegmentsPerSecond => Segments / Elapsed.TotalSeconds;
    }

    /// <summary>
    /// Runs the benchmark: <paramref name="segments"/> segments of write load (half archived at parallelism 1, half at
    /// <paramref name="archiveParallel"/>), replayed locally and at each of <paramref name="restoreParallel"/>.
    /// <paramref name="report"/> receives each result as it is measured. Throws <see cref="TargetUnavailableException"/>
    /// when PostgreSQL, Azurite or barman-cloud is missing.
    /// </summary>
    public static async Task RunAsync(int segments, int archiveParallel, IReadOnlyList<int> restoreParallel, LocalTargetOptions options, Action<ArchivePhase> archived, Action<Replay> report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(archived);
        ArgumentNullException.ThrowIfNull(report);
        var runAs = RunAs.ForCurrentProcess();
        var launcher = options.AzuriteBlobPath ?? Path.Combine(RepositoryRoot.Find() ?? Directory.GetCurrentDirectory(), ".tools", "azurite", "node_modules", ".bin", "azurite-blob");
        Prerequisites.Check(options, launcher, runAs);
        var run = Local.RunDirectory.Create(options.TempRoot);
        var azurite = new Azurite(launcher, run.Path, PortAllocator.Next(), "backups", runAs);
        var barman = new BarmanCloud(azurite, Server, runAs, run.Path, archiveParallel);
        try
        {
            barman.WriteHelpers();
            await runAs.GiveAsync(run.Path, cancellationToken);
            await azurite.StartAsync(cancellationToken);
            var source = await StartSourceAsync(run.Path, options.PostgresBinDirectory, barman, runAs, cancellationToken);
            var connection = Connection(source.Port);
            await Sql.ExecuteAsync(connection, "CREATE TABLE bench (id bigserial PRIMARY KEY, payload text)", cancellationToken);
            await barman.BackupAsync(source.Port, "unused", wrongKey: false, cancellationToken);
            var backup = (await barman.ListAsync(false, cancellationToken)).Last();

            var first = segments / 2;
            archived(await ArchiveAsync(connection, 1, first, cancellationToken));
            await Sql.ExecuteAsync(connection, $"ALTER SYSTEM SET archive_command = '{barman.ArchiveCommandAt(archiveParallel)}'", cancellationToken);
            await Sql.ExecuteAsync(connection, "SELECT pg_reload_conf()", cancellationToken);
            archived(await ArchiveAsync(connection, archiveParallel, segments - first, cancellationToken));
            var rows = await Sql.ScalarAsync<long>(connection, "SELECT count(*) FROM bench", cancellationToken);
            source.Postmaster.Signal(NativeMethods.SigTerm);

            var store = new BarmanObjectStore(azurite.Client(), Server);
            var wal = await store.ListWalAsync(cancellationToken);
            var replayed = wal.Count(w => string.CompareOrdinal(w, backup.BeginWal) >= 0);
            var local = Path.Combine(run.Path, "local-wal");
            Directory.CreateDirectory(local);
            await runAs.GiveAsync(local, cancellationToken);
            List<string> download = [.. runAs.Prefix, "/usr/bin/python3", Path.Combine(run.Path, "python", "wal_batch.py"), "restore", azurite.DestinationUrl, Server, local, "4", .. wal];
            await Tool.RunAsync(download[0], download[1..], run.Path, barman.Environment(false), cancellationToken, TimeSpan.FromMinutes(10));

            report(await ReplayAsync("local", _ => $"cp {local}/%f %p"));
            foreach (var parallel in restoreParallel)
            {
                report(await ReplayAsync($"store x{parallel}", spool => barman.RestoreCommandAt(parallel, spool)));
            }

            async Task<Replay> ReplayAsync(string label, Func<string, string> command)
            {
                var name = label.Replace(' ', '-');
                var restored = await LocalRestoredCluster.RestoreAsync(new RestoreRequest(name, backup.Id), run.Path, barman, false, options.PostgresBinDirectory, runAs, "unused", cancellationToken, command, TimeSpan.FromMinutes(20));
                await using (restored)
                {
                    var count = await Sql.ScalarAsync<long>(restored.ConnectionString, "SELECT count(*) FROM bench", cancellationToken);
                    if (count != rows)
                    {
                        throw new InvalidOperationException($"replay from {label} holds {count} rows, the source {rows}");
                    }

                    return new Replay(label, replayed, restored.ReadWriteAt - restored.RecoveryStartedAt!.Value, count, LoadAverage());
                }
            }
        }
        finally
        {
            azurite.Kill();
            run.Destroy();
        }
    }

    /// <summary>The 1, 5 and 15 minute load averages (<c>/proc/loadavg</c>).</summary>
    public static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ')[..3]);

    private static async Task<ArchivePhase> ArchiveAsync(string connection, int parallel, int segments, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var start = await Sql.ScalarAsync<string>(connection, "SELECT pg_current_wal_lsn()::text", cancellationToken);
        while (await Sql.ScalarAsync<decimal>(connection, $"SELECT pg_current_wal_lsn() - '{start}'::pg_lsn", cancellationToken) < segments * SegmentBytes)
        {
            await Sql.ExecuteAsync(connection, "INSERT INTO bench (payload) SELECT md5(random()::text) || md5(random()::text) FROM generate_series(1, 20000)", cancellationToken);
        }

        var load = clock.Elapsed;
        var ready = await Sql.ScalarAsync<long>(connection, "SELECT count(*) FROM pg_ls_archive_statusdir() WHERE name ~ '^[0-9A-F]{24}[.]ready$'", cancellationToken);
        var last = await Sql.ScalarAsync<string>(connection, "SELECT pg_walfile_name(pg_switch_wal())", cancellationToken);
        clock.Restart();
        await Waiting.UntilAsync($"the archive to reach {last}", TimeSpan.FromMinutes(20), async ct =>
            string.CompareOrdinal(await Sql.ScalarAsync<string>(connection, "SELECT coalesce(last_archived_wal, '') FROM pg_stat_archiver", ct), last) >= 0
            && await Sql.ScalarAsync<long>(connection, "SELECT count(*) FROM pg_ls_archive_statusdir() WHERE name ~ '[.]ready$'", ct) == 0,
            cancellationToken, TimeSpan.FromMilliseconds(100));
        return new ArchivePhase(parallel, segments, load, (int)ready, clock.Elapsed, LoadAverage());
    }

    private static async Task<(Daemon Postmaster, int Port)> StartSourceAsync(string root, string bin, BarmanCloud barman, RunAs runAs, CancellationToken cancellationToken)
    {
        var directory = Path.Combine(root, "source");
        var data = Path.Combine(directory, "data");
        Directory.CreateDirectory(directory);
        await runAs.GiveAsync(directory, cancellationToken);
        List<string> initdb = [.. runAs.Prefix, Path.Combine(bin, "initdb"), "-D", data, "-U", "postgres", "--auth=trust", "--no-sync"];
        await Tool.RunAsync(initdb[0], initdb[1..], directory, new Dictionary<string, string>(), cancellationToken);
        var port = PortAllocator.Next();
        // Laid out as Patroni lays out a member (postgresql.conf includes postgresql.base.conf), which is what a restore
        // of the local target expects (LocalRestoredCluster writes its own postgresql.conf over the restored one).
        File.Move(Path.Combine(data, "postgresql.conf"), Path.Combine(data, "postgresql.base.conf"));
        File.WriteAllText(Path.Combine(data, "postgresql.conf"), "include 'postgresql.base.conf'\n");
        File.AppendAllLines(Path.Combine(data, "postgresql.base.conf"),
        [
            "listen_addresses = '127.0.0.1'", $"port = {port}", $"unix_socket_directories = '{directory}'", "dynamic_shared_memory_type = 'mmap'",
            "archive_mode = on", $"archive_command = '{barman.ArchiveCommandAt(1)}'", "max_wal_size = '4GB'", "fsync = off",
        ]);
        await runAs.GiveAsync(directory, cancellationToken);
        var postmaster = Daemon.Start("walbench-source", [Path.Combine(bin, "postgres"), "-D", data], directory, Path.Combine(directory, "postgres.log"), runAs, barman.ServerEnvironment(false));
        await Waiting.UntilAsync("the benchmark's PostgreSQL", TimeSpan.FromSeconds(60), async ct =>
        {
            if (postmaster.HasExited)
            {
                throw new TargetUnavailableException($"PostgreSQL exited at start: {postmaster.LogTail()}");
            }

            return await Sql.TryScalarAsync<int>(Connection(port), "SELECT 1", ct) == 1;
        }, cancellationToken, TimeSpan.FromMilliseconds(200));
        return (postmaster, port);
    }

    private static string Connection(int port) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1", Port = port, Username = "postgres", Database = "postgres", Pooling = false, Timeout = 5, CommandTimeout = 120,
    }.ConnectionString;
}
