using PgPlatform.Stacks.Targets.Local;

namespace PgPlatform.Stacks.Tests.Targets.Local;

/// <summary>
/// The restore script against real barman-cloud tools and Azurite: it prefetches the next segments into its spool, serves
/// them from there, answers the end of the WAL stream from its notes and waits for a segment in flight instead of fetching it again.
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
            var segments = new[] { "000000010000000000000007", "000000010000000000000008", "000000010000000000000009", "00000001000000000000000A" };
            foreach (var segment in segments)
            {
                await File.WriteAllBytesAsync(Path.Combine(wal, segment), [.. Enumerable.Range(0, 4096).Select(i => (byte)(i ^ segment[^1]))], ct);
            }

            await runAs.GiveAsync(root, ct);
            await azurite.StartAsync(ct);
            foreach (var segment in segments)
            {
                IReadOnlyList<string> archive = [.. runAs.Prefix, "barman-cloud-wal-archive", "--gzip", "--cloud-provider", "azure-blob-storage", azurite.DestinationUrl, Server, Path.Combine(wal, segment)];
                await Tool.RunAsync(archive[0], [.. archive.Skip(1)], root, barman.Environment(false), ct, TimeSpan.FromMinutes(2));
            }

            var spool = Path.Combine(root, "spool");
            var restored = Path.Combine(root, "restored");
            Directory.CreateDirectory(restored);
            await runAs.GiveAsync(root, ct);

            // A miss fetches the requested segment with the next parallelism - 1, then keeps the spool 2 x parallelism ahead.
            Assert.Equal(0, await RestoreAsync(barman, runAs, spool, segments[0], Path.Combine(restored, "first"), root, ct));
            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(wal, segments[0]), ct), await File.ReadAllBytesAsync(Path.Combine(restored, "first"), ct));
            await SettledAsync(spool, ct);
            Assert.Equal([segments[1], segments[2], segments[3], "00000001000000000000000B.missing", "00000001000000000000000C.missing", "00000001000000000000000D.missing"], Spooled(spool));

            Assert.Equal(0, await RestoreAsync(barman, runAs, spool, segments[1], Path.Combine(restored, "second"), root, ct));
            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(wal, segments[1]), ct), await File.ReadAllBytesAsync(Path.Combine(restored, "second"), ct));
            Assert.DoesNotContain(segments[1], Spooled(spool));

            // Past the end of the archive: a segment a batch found missing is answered "not found" from its note, once.
            Assert.NotEqual(0, await RestoreAsync(barman, runAs, spool, "00000001000000000000000B", Path.Combine(restored, "missing"), root, ct));
            Assert.False(File.Exists(Path.Combine(restored, "missing")));
            Assert.DoesNotContain("00000001000000000000000B.missing", Spooled(spool));

            // Not noted anywhere: fetched, and missing from the store, so recovery learns that WAL has ended.
            Assert.NotEqual(0, await RestoreAsync(barman, runAs, spool, "00000002.history", Path.Combine(restored, "history"), root, ct));
            Assert.False(File.Exists(Path.Combine(restored, "history")));

            // A segment a batch is still fetching is waited for, never fetched a second time: this one is not in the store
            // at all, so only the "batch" (this test, under a live pid) can deliver it.
            using var fetcher = System.Diagnostics.Process.Start("sleep", "30");
            var inFlight = "000000010000000000000020";
            await File.WriteAllTextAsync(Path.Combine(spool, inFlight + ".inflight"), $"{fetcher.Id}\n", ct);
            var delivered = Task.Run(async () =>
            {
                await Task.Delay(TimeSpan.FromSeconds(2), ct);
                await File.WriteAllBytesAsync(Path.Combine(spool, inFlight), [1, 2, 3], ct);
                File.Delete(Path.Combine(spool, inFlight + ".inflight"));
            }, ct);
            await runAs.GiveAsync(spool, ct);
            Assert.Equal(0, await RestoreAsync(barman, runAs, spool, inFlight, Path.Combine(restored, "in-flight"), root, ct));
            await delivered;
            fetcher.Kill();
            Assert.Equal([1, 2, 3], await File.ReadAllBytesAsync(Path.Combine(restored, "in-flight"), ct));
        }
        finally
        {
            azurite.Kill();
            ProcessSweeper.KillAll(root, TimeSpan.FromSeconds(10));
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>The spool's files (batch log aside), in name order.</summary>
    private static List<string> Spooled(string spool) =>
        [.. Directory.GetFiles(spool).Select(f => Path.GetFileName(f)!).Where(f => f != "batches.log").Order(StringComparer.Ordinal)];

    /// <summary>Waits until no batch is in flight (no <c>.inflight</c> or <c>.part</c> file left).</summary>
    private static async Task SettledAsync(string spool, CancellationToken ct)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (Spooled(spool).Any(f => f.EndsWith(".inflight", StringComparison.Ordinal) || f.EndsWith(".part", StringComparison.Ordinal)))
        {
            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(3), $"the prefetch batches did not settle: {string.Join(", ", Spooled(spool))}");
            await Task.Delay(100, ct);
        }
    }

    private static async Task<int> RestoreAsync(BarmanCloud barman, RunAs runAs, string spool, string segment, string destination, string root, CancellationToken ct)
    {
        IReadOnlyList<string> argv = [.. runAs.Prefix, "bash", barman.RestoreScriptPath, "3", spool, segment, destination];
        var result = await Tool.TryRunAsync(argv[0], [.. argv.Skip(1)], root, barman.ServerEnvironment(false), ct, TimeSpan.FromMinutes(3));
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
