using PgPlatform.Stacks.Targets.Local;

namespace PgPlatform.Stacks.Tests.Targets.Local;

/// <summary>The restore script against real barman-cloud tools and Azurite: it prefetches the next segments into its spool and serves them from there.</summary>
public sealed class WalPrefetchTests
{
    private const string Server = "prefetch";

    [Fact]
    public async Task RestoreFetchesTheRequestedSegmentAndPrefetchesTheNextOnesIntoTheSpool()
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

            Assert.Equal(0, await RestoreAsync(barman, runAs, spool, segments[0], Path.Combine(restored, "first"), root, ct));
            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(wal, segments[0]), ct), await File.ReadAllBytesAsync(Path.Combine(restored, "first"), ct));
            Assert.Equal([segments[1], segments[2]], Directory.GetFiles(spool).Select(Path.GetFileName).Order(StringComparer.Ordinal));

            Assert.Equal(0, await RestoreAsync(barman, runAs, spool, segments[1], Path.Combine(restored, "second"), root, ct));
            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(wal, segments[1]), ct), await File.ReadAllBytesAsync(Path.Combine(restored, "second"), ct));
            Assert.DoesNotContain(segments[1], Directory.GetFiles(spool).Select(Path.GetFileName));

            // Past the end of the archive: the requested segment is missing, so recovery learns that WAL has ended.
            Assert.NotEqual(0, await RestoreAsync(barman, runAs, spool, "00000001000000000000000B", Path.Combine(restored, "missing"), root, ct));
            Assert.False(File.Exists(Path.Combine(restored, "missing")));
        }
        finally
        {
            azurite.Kill();
            ProcessSweeper.KillAll(root, TimeSpan.FromSeconds(10));
            Directory.Delete(root, recursive: true);
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
