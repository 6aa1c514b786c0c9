using PgPlatform.Components.Declaration;
using System.Xml.Linq;
using Microsoft.Extensions.Time.Testing;
using PgPlatform.Stacks.Drills;
using PgPlatform.Stacks.Ephemeral;
using PgPlatform.Stacks.Nightly;
using PgPlatform.Stacks.Nightly.EvidenceStore;
using PgPlatform.Stacks.Nightly.FleetView;
using PgPlatform.Stacks.Targets;
using PgPlatform.Stacks.Tests.Ephemeral;

namespace PgPlatform.Stacks.Tests.Nightly;

/// <summary>Two nights in a row on the same evidence store (a real Azurite): the second reads what the first wrote.</summary>
public sealed class NightlyHistoryTests : IClassFixture<AzuriteEvidence>, IDisposable
{
    private static readonly DateTimeOffset Night = new(2026, 12, 1, 22, 0, 0, TimeSpan.Zero);
    private readonly AzuriteEvidence _azurite;
    private readonly FakePulumi _pulumi = new();
    private readonly string _project = Directory.CreateTempSubdirectory("nightly-history-").FullName;
    private readonly List<string> _drilled = [];

    public NightlyHistoryTests(AzuriteEvidence azurite)
    {
        _azurite = azurite;
        StackFiles.Write(_project, "dev", "linkding", "wikijs", "gitea");
    }

    public void Dispose()
    {
        _pulumi.Dispose();
        Directory.Delete(_project, recursive: true);
    }

    [Fact]
    public async Task TheSecondNightSkipsFreshEvidenceAndTheFirstDrillsTheStalestFirst()
    {
        // dev is a development stack: objective 30 days, due after 15. Known before the first night: gitea proven 2 days
        // ago (fresh), linkding 20 days ago, wikijs 25 days ago (stalest).
        var store = new BlobEvidenceStore(_azurite.Container);
        foreach (var (app, days) in new[] { ("gitea", 2), ("linkding", 20), ("wikijs", 25) })
        {
            var at = Night.AddDays(-days);
            await store.WriteAsync(EvidenceRecords.Of("dev", $"seed-{app}", new ApplicationRun(app, FleetSamples.Report().Applications[0].Run, null) { StartedAt = at, DurationSeconds = 900 }, at), CancellationToken.None);
        }

        var time = new FakeTimeProvider(Night);
        var first = await Runner(store, time).RunAsync(DeclaredStack.Load(_project, "dev", TestCatalog.Of("linkding", "wikijs", "gitea")), _project, [DrillKind.Failover], DrillLog.Silent, CancellationToken.None);
        time.Advance(TimeSpan.FromDays(1));
        var second = await Runner(new BlobEvidenceStore(_azurite.Container), time).RunAsync(DeclaredStack.Load(_project, "dev", TestCatalog.Of("linkding", "wikijs", "gitea")), _project, [DrillKind.Failover], DrillLog.Silent, CancellationToken.None);

        Assert.Equal(["wikijs failover", "linkding failover"], _drilled);
        Assert.Equal(["gitea"], first.Fresh);
        Assert.True(first.Passed);
        Assert.Empty(second.Applications);
        Assert.Equal(["linkding", "wikijs", "gitea"], second.Fresh);
        Assert.True(second.Passed);
        var history = await store.ReadHistoryAsync("dev", CancellationToken.None);
        Assert.Equal(5, history.Count);
        Assert.Equal([first.RunId, first.RunId], history.Where(h => h.StartedAt == Night).Select(h => h.RunId));
        Assert.All(second.Standings, s => Assert.False(s.Breached(second.EvaluatedAt)));
        Assert.Equal(2, _pulumi.Commands.Count(c => c.StartsWith("destroy", StringComparison.Ordinal)));

        var dir = Path.Combine(_project, "report");
        FleetReportWriter.Write(second, dir);
        var markdown = File.ReadAllText(Path.Combine(dir, "fleet.md"));
        Assert.Contains("Not drilled: fresh linkding, wikijs, gitea; deferred (window full) none.", markdown, StringComparison.Ordinal);
        // gitea's seeded evidence (2 days before the first night, 15 min long) is 3 days old at the second night.
        // The seeded evidence is a failover's (RTO 4.25 s, nothing projected): the observed RTO is judged, against development's 8 h.
        Assert.Matches(@"\| gitea \| development \| [^|]+ \| 2026-11-29 22:15:00 UTC \| 3\.0 d \| 30 d \| fresh \| 4\.25 s, not projected / 28800 s: within budget \(observed\) \| not measured / 3600 s \| 4\.25 \|", markdown);
        Assert.Matches(@"\| linkding \| development \| [^|]+ \| 2026-12-01 22:00:00 UTC \| 1\.0 d \| 30 d \| fresh \|", markdown);
        Assert.Contains("| tier | development | 3 |", markdown, StringComparison.Ordinal);
        var chart = File.ReadAllText(Path.Combine(dir, FleetReportWriter.ChartFile));
        Assert.Equal(FleetChart.Render(second.Fleet), chart);
        Assert.Equal(3, XDocument.Parse(chart).Root!.Elements().Count(e => e.Name.LocalName == "svg"));
        var metrics = File.ReadAllText(Path.Combine(dir, FleetReportWriter.MetricsFile));
        Assert.Contains("pg_platform_drill_evidence_age_seconds{app=\"linkding\",tier=\"development\"} 86400\n", metrics, StringComparison.Ordinal);
        Assert.Contains("pg_platform_drill_evidence_objective_seconds{app=\"gitea\",tier=\"development\"} 2592000\n", metrics, StringComparison.Ordinal);
        Assert.Contains("pg_platform_nightly_last_run_timestamp_seconds{stack=\"dev\"} " + Night.AddDays(1).ToUnixTimeSeconds() + "\n", metrics, StringComparison.Ordinal);
    }

    private NightlyRunner Runner(BlobEvidenceStore store, TimeProvider time) => new(new EphemeralDrillRun
    {
        Catalog = TestCatalog.Of("linkding", "wikijs", "gitea"),
        ConfigureStack = options => options with { SearchPath = _pulumi.SearchPath, Environment = _pulumi.Environment(), BackendDirectory = _pulumi.BackendDirectory },
        StartTarget = (deployed, _) => Task.FromResult<IDrillTarget>(new FakeDrillTarget(deployed.Application)),
        RunDrill = (target, kind, _, _) =>
        {
            _drilled.Add($"{((FakeDrillTarget)target).Application} {DrillNames.Name(kind)}");
            return Task.FromResult(FleetSamples.Drill(DrillNames.Name(kind), true, 0));
        },
    })
    {
        Store = store,
        Time = time,
    };
}
