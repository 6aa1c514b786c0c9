using Azure.Storage.Blobs.Models;
using PgPlatform.Stacks.Postgres;
using PgPlatform.Stacks.Targets;
using PgPlatform.Stacks.Targets.Local;
using PgPlatform.Stacks.Targets.ObjectStore;
using Xunit.Abstractions;

namespace PgPlatform.Stacks.Tests.Targets.ObjectStore;

/// <summary>
/// <see cref="BarmanObjectStore"/> and <see cref="WalArchiver"/> against the local target's real archive:
/// Azurite holding what barman-cloud-backup and barman-cloud-wal-archive wrote.
/// </summary>
public sealed class BarmanObjectStoreLocalTests(LocalTargetFixture fixture, ITestOutputHelper output) : IClassFixture<LocalTargetFixture>
{
    private BarmanObjectStore Store(bool wrongKey = false) => new(fixture.Target.ArchiveContainer(wrongKey), LocalTarget.ArchiveServerName);

    [Fact]
    public async Task ListsTheBackupsBarmanCloudBackupListListsAndEditsTheWALArchiveBarmanWrote()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        var target = fixture.Target;
        await target.BackupAsync(timeout.Token);
        await Sql.ExecuteAsync(target.SuperuserReadWriteConnectionString, "CREATE TABLE IF NOT EXISTS store_test AS SELECT 1 AS x", timeout.Token);
        var switched = await WalArchiver.SwitchWalAsync(target.SuperuserReadWriteConnectionString, TimeSpan.FromSeconds(60), timeout.Token);
        await target.BackupAsync(timeout.Token);

        var listed = await Store().ListBackupsAsync(timeout.Token);
        var reference = await target.BarmanBackupListAsync(timeout.Token);

        Assert.Equal(2, listed.Count);
        Assert.Equal(reference.Select(b => (b.Id, b.BeginWal, b.EndWal)), listed.Select(b => (b.Id, b.BeginWal, b.EndWal)));
        // barman-cloud-backup-list prints ctime (whole seconds); backup.info has the exact time.
        Assert.Equal(reference.Select(b => b.EndTime), listed.Select(b => b.EndTime.AddTicks(-(b.EndTime.Ticks % TimeSpan.TicksPerSecond))));
        Assert.True(listed[0].EndTime < listed[1].EndTime);

        var archived = await Store().ListWalAsync(timeout.Token);
        var blobs = new List<string>();
        await foreach (var blob in target.ArchiveContainer().GetBlobsAsync(BlobTraits.None, BlobStates.None, $"{LocalTarget.ArchiveServerName}/wals/", timeout.Token))
        {
            blobs.Add(blob.Name);
        }

        Assert.Contains(switched, archived);
        Assert.Contains(listed[0].BeginWal, archived);
        Assert.All(archived, wal => Assert.Matches("^[0-9A-F]{24}$", wal));
        Assert.Contains(blobs, b => b.EndsWith(".backup.gz", StringComparison.Ordinal));
        Assert.Equal(blobs.Count(b => !b.Contains(".backup", StringComparison.Ordinal) && !b.Contains(".history", StringComparison.Ordinal)), archived.Count);
        Assert.Empty(WalContinuityGaps(archived, listed[0].BeginWal));

        await Store().RemoveWalAsync(switched, timeout.Token);

        Assert.DoesNotContain(switched, await Store().ListWalAsync(timeout.Token));
        Assert.Equal([switched], WalContinuityGaps(await Store().ListWalAsync(timeout.Token), listed[0].BeginWal));
        var again = await Assert.ThrowsAsync<ObjectStoreException>(() => Store().RemoveWalAsync(switched, timeout.Token));
        Assert.Equal($"WAL file {switched} is not in the archive (nothing matches pg-platform/wals/{switched[..16]}/{switched}*)", again.Message);
    }

    [Fact]
    public async Task RefusedCredentialsAndAStoppedStoreAreOneLineObjectStoreErrorsAndTheArchiverTimesOutSayingWhatItSaw()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        var target = fixture.Target;

        var refused = await Assert.ThrowsAsync<ObjectStoreException>(() => Store(wrongKey: true).ListBackupsAsync(timeout.Token));
        Assert.StartsWith("cannot list the base backups under pg-platform/base/: HTTP 403 AuthorizationFailure", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("AccountKey", refused.Message, StringComparison.OrdinalIgnoreCase);

        await target.SetObjectStoreAvailableAsync(false, timeout.Token);
        try
        {
            var down = await Assert.ThrowsAsync<ObjectStoreException>(() => Store().ListWalAsync(timeout.Token));
            Assert.StartsWith("cannot list the WAL archive under pg-platform/wals/: ", down.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("\n", down.Message, StringComparison.Ordinal);

            var stuck = await Assert.ThrowsAsync<ObjectStoreException>(() => WalArchiver.SwitchWalAsync(target.SuperuserReadWriteConnectionString, TimeSpan.FromSeconds(15), timeout.Token));
            var status = await WalArchiver.StatusAsync(target.SuperuserReadWriteConnectionString, timeout.Token);
            output.WriteLine(stuck.Message);
            Assert.Matches("^WAL [0-9A-F]{24} archived: not reached within 15 s \\(last archived ([0-9A-F]{24}[.0-9A-Za-z]*|none), last failed [0-9A-F]{24}[.0-9A-Za-z]*\\)$", stuck.Message);
            Assert.True(status.Failing);
        }
        finally
        {
            await target.SetObjectStoreAvailableAsync(true, CancellationToken.None);
        }

        var recovered = await WalArchiver.SwitchWalAsync(target.SuperuserReadWriteConnectionString, TimeSpan.FromSeconds(90), timeout.Token);
        Assert.False((await WalArchiver.StatusAsync(target.SuperuserReadWriteConnectionString, timeout.Token)).Failing);
        Assert.Contains(recovered, await Store().ListWalAsync(timeout.Token));
    }

    private static IReadOnlyList<string> WalContinuityGaps(IReadOnlyList<string> archived, string from) =>
        PgPlatform.Stacks.Evidence.WalContinuity.Missing(archived, from, PgPlatform.Stacks.Evidence.WalContinuity.Latest(archived)!);
}
