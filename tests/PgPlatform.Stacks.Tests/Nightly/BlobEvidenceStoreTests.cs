using PgPlatform.Stacks.Evidence;
using PgPlatform.Stacks.Nightly;
using PgPlatform.Stacks.Nightly.EvidenceStore;

namespace PgPlatform.Stacks.Tests.Nightly;

/// <summary><see cref="BlobEvidenceStore"/> against a real Azurite.</summary>
public sealed class BlobEvidenceStoreTests(AzuriteEvidence azurite) : IClassFixture<AzuriteEvidence>
{
    private static readonly DateTimeOffset Night = new(2026, 12, 1, 22, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task RecordsAreReadBackAsHistoryInTwoFormatsAndNeverOverwritten()
    {
        var store = new BlobEvidenceStore(azurite.Container);
        var run = new RunEvidence { Target = "kubernetes", Fault = "none", StartedAt = Night, Drills = [FleetSamples.Drill("restore", true, 0, rto: 41.5, rpo: 0.2) with { ProjectedRtoSeconds = 612.25 }], Timings = [] };
        var passed = EvidenceRecords.Of("store-test", "20261201T220000Z-aaaaaa", new ApplicationRun("linkding", run, null) { StartedAt = Night, DurationSeconds = 1260 }, Night);
        var failed = EvidenceRecords.Of("store-test", "20261202T220000Z-bbbbbb", new ApplicationRun("linkding", null, "Cluster linkding-db Ready: not reached") { StartedAt = Night.AddDays(1), DurationSeconds = 600 }, Night);

        var name = await store.WriteAsync(passed, CancellationToken.None);
        await store.WriteAsync(failed, CancellationToken.None);
        var again = await Assert.ThrowsAsync<EvidenceStoreException>(() => store.WriteAsync(passed with { Passed = false }, CancellationToken.None));
        var history = await store.ReadHistoryAsync("store-test", CancellationToken.None);

        Assert.Equal("store-test/linkding/20261201T220000Z-20261201T220000Z-aaaaaa.json", name);
        Assert.Contains("already exists: records are never overwritten (HTTP 409 BlobAlreadyExists)", again.Message, StringComparison.Ordinal);
        Assert.Equal([(true, 1260.0, (double?)41.5, (double?)0.2), (false, 600.0, null, null)], history.Select(h => (h.Passed, h.DurationSeconds, h.RtoSeconds, h.RpoSeconds)));
        Assert.Equal([612.25, null], history.Select(h => h.ProjectedRtoSeconds));
        Assert.Equal(Night.AddSeconds(1260), history[0].FinishedAt);
        var json = (await azurite.Container.GetBlobClient(name).DownloadContentAsync()).Value.Content.ToString();
        Assert.True(EvidenceRecordFormat.FromJson(json).Passed);
        var markdown = (await azurite.Container.GetBlobClient(name.Replace(".json", ".md", StringComparison.Ordinal)).DownloadContentAsync()).Value.Content.ToString();
        Assert.StartsWith("# linkding (store-test): PASSED\n", markdown, StringComparison.Ordinal);
        Assert.Contains("## Drill evidence: kubernetes target, PASSED", markdown, StringComparison.Ordinal);
        Assert.Empty(await store.ReadHistoryAsync("other-stack", CancellationToken.None));
    }
}
