using System.Globalization;
using System.Text.RegularExpressions;
using PgPlatform.Stacks.Targets.Local;
using PgPlatform.Stacks.Waits;

namespace PgPlatform.Stacks.Tests.Targets.Local;

/// <summary>
/// The restore script and its fetcher against real barman-cloud tools and Azurite: the fetcher prefetches the next segments
/// into the spool, the script serves them from there and answers the end of the WAL stream from the fetcher's note; a dead
/// fetcher is replaced, and one in a data directory exits when that directory's PostgreSQL stops.
/// </summary>
public sealed class WalPrefetchTests
{
    private const string Server = "prefetch";

    [Fact]
    public async Task RestoreFetchesAheadServesFromTheSpoolAndAnswersTheEndOfWalFromItsNotes()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        var ct = timeout.Token;
        var root = TempRoot.Create("pgp-prefetch-");
        var runAs = RunAs.ForCurrentProcess();
        var launcher = Path.Combine(RepositoryRootOf(AppContext.BaseDirectory), ".tools", "azurite", "node_modules", ".bin", "azurite-blob");
        var azurite = new Azurite(launcher, root, PortAllocator.Next(), "backups", runAs);
        var barman = new BarmanCloud(azurite, Server, runAs, root, walMaxParallel: 3);
        try
        {
            barman.WriteHelpers();
            var wal = Path.Combine(root, "wal");
            Directory.CreateDirectory(wal);
            async Task ArchiveAsync(string path, CancellationToken c)
            {
                IReadOnlyList<string> archive = [.. runAs.Prefix, "barman-cloud-wal-archive", "--gzip", "--cloud-provider", "azure-blob-storage", azurite.DestinationUrl, Server, path];
                await Tool.RunAsync(archive[0], [.. archive.Skip(1)], root, barman.Environment(false), c, TimeSpan.FromMinutes(2));
            }

            var segments = new[] { "000000010000000000000007", "000000010000000000000008", "000000010000000000000009", "00000001000000000000000A" };
            foreach (var segment in segments.Append("00000001000000000000000B"))
            {
                await File.WriteAllBytesAsync(Path.Combine(wal, segment), [.. Enumerable.Range(0, 4096).Select(i => (byte)(i ^ segment[^1]))], ct);
            }

            await runAs.GiveAsync(root, ct);
            await azurite.StartAsync(ct);
            foreach (var segment in segments)
            {
                await ArchiveAsync(Path.Combine(wal, segment), ct);
            }

            var spool = Path.Combine(root, "spool");
            var restored = Path.Combine(root, "restored");
            Directory.CreateDirectory(restored);
            await runAs.GiveAsync(root, ct);

            // A miss starts the spool's fetcher, which serves it and keeps the next 2 x parallelism segments coming, up to
            // the first the store lacks: the end of the WAL stream.
            Assert.Equal(0, await RestoreAsync(barman, runAs, spool, segments[0], Path.Combine(restored, "first"), root, ct));
            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(wal, segments[0]), ct), await File.ReadAllBytesAsync(Path.Combine(restored, "first"), ct));
            await SpooledAsync(spool, [segments[1], segments[2], segments[3], "00000001000000000000000B.missing"], ct);
            Assert.Contains("00000001000000000000000B is not in the store: the end of the WAL stream", await File.ReadAllTextAsync(Path.Combine(spool, "daemon.log"), ct), StringComparison.Ordinal);

            Assert.Equal(0, await RestoreAsync(barman, runAs, spool, segments[1], Path.Combine(restored, "second"), root, ct));
            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(wal, segments[1]), ct), await File.ReadAllBytesAsync(Path.Combine(restored, "second"), ct));
            Assert.DoesNotContain(segments[1], Spooled(spool));

            // Past the end of the archive: answered "not found" from the fetcher's note, once.
            Assert.NotEqual(0, await RestoreAsync(barman, runAs, spool, "00000001000000000000000B", Path.Combine(restored, "missing"), root, ct));
            Assert.False(File.Exists(Path.Combine(restored, "missing")));
            Assert.DoesNotContain("00000001000000000000000B.missing", Spooled(spool));

            // Not in the store and not noted: asked of the fetcher, which finds it missing, so recovery learns that WAL has ended.
            Assert.NotEqual(0, await RestoreAsync(barman, runAs, spool, "00000002.history", Path.Combine(restored, "history"), root, ct));
            Assert.False(File.Exists(Path.Combine(restored, "history")));

            // A fetcher that died is replaced by the next request, and a segment archived since it was found missing is served.
            var first = FetcherPids(spool).Single();
            using (var dead = System.Diagnostics.Process.GetProcessById(first))
            {
                dead.Kill();
                await dead.WaitForExitAsync(ct);
            }

            await ArchiveAsync(Path.Combine(wal, "00000001000000000000000B"), ct);
            Assert.Equal(0, await RestoreAsync(barman, runAs, spool, "00000001000000000000000B", Path.Combine(restored, "after"), root, ct));
            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(wal, "00000001000000000000000B"), ct), await File.ReadAllBytesAsync(Path.Combine(restored, "after"), ct));
            Assert.Equal(2, FetcherPids(spool).Distinct().Count());

            // A fetcher started in a data directory exits when that directory's PostgreSQL stops, and clears its spool.
            var data = Path.Combine(root, "data");
            Directory.CreateDirectory(data);
            using var postmaster = System.Diagnostics.Process.Start("sleep", "300");
            await File.WriteAllTextAsync(Path.Combine(data, "postmaster.pid"), $"{postmaster.Id}\n{data}\n", ct);
            await File.WriteAllTextAsync(Path.Combine(data, "recovery.signal"), "", ct);
            var dataSpool = Path.Combine(root, "data-spool");
            await runAs.GiveAsync(root, ct);
            Assert.Equal(0, await RestoreAsync(barman, runAs, dataSpool, segments[2], Path.Combine(restored, "third"), data, ct));
            await SpooledAsync(dataSpool, [segments[3], "00000001000000000000000B", "00000001000000000000000C.missing"], ct);
            postmaster.Kill();
            await Waiting.UntilAsync("the fetcher to see its PostgreSQL stop", TimeSpan.FromSeconds(30), _ =>
                Task.FromResult(File.ReadAllText(Path.Combine(dataSpool, "daemon.log")).Contains("exits: PostgreSQL stopped", StringComparison.Ordinal)), ct, TimeSpan.FromMilliseconds(100));
            Assert.Empty(Spooled(dataSpool));
        }
        finally
        {
            azurite.Kill();
            ProcessSweeper.KillAll(root, TimeSpan.FromSeconds(10));
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>The spool's files (the fetcher's lock, log and cursor aside), in name order.</summary>
    private static List<string> Spooled(string spool) =>
        [.. Directory.GetFiles(spool).Select(f => Path.GetFileName(f)!).Where(f => f is not ("daemon.lock" or "daemon.log" or "cursor")).Order(StringComparer.Ordinal)];

    /// <summary>Waits until the spool holds exactly <paramref name="expected"/>.</summary>
    private static async Task SpooledAsync(string spool, IReadOnlyList<string> expected, CancellationToken ct)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!Spooled(spool).SequenceEqual(expected) && clock.Elapsed < TimeSpan.FromMinutes(1))
        {
            await Task.Delay(100, ct);
        }

        Assert.True(Spooled(spool).SequenceEqual(expected), $"spool holds {string.Join(", ", Spooled(spool))}; fetcher log:\n{File.ReadAllText(Path.Combine(spool, "daemon.log"))}");
    }

    /// <summary>The pids of the fetchers that served <paramref name="spool"/>, from their log.</summary>
    private static List<int> FetcherPids(string spool) =>
        [.. File.ReadAllLines(Path.Combine(spool, "daemon.log")).Select(l => Regex.Match(l, @"fetcher (\d+) serves")).Where(m => m.Success).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))];

    private static async Task<int> RestoreAsync(BarmanCloud barman, RunAs runAs, string spool, string segment, string destination, string workingDirectory, CancellationToken ct)
    {
        IReadOnlyList<string> argv = [.. runAs.Prefix, "bash", barman.RestoreScriptPath, "3", spool, segment, destination];
        var result = await Tool.TryRunAsync(argv[0], [.. argv.Skip(1)], workingDirectory, barman.ServerEnvironment(false), ct, TimeSpan.FromMinutes(3));
        return result.ExitCode;
    }

    private static string RepositoryRootOf(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "scripts", "install-prereqs.sh")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("repository root not found");
    }
}
