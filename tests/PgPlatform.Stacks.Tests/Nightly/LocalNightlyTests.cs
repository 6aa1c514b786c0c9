using PgPlatform.Components.Declaration;
using System.Text.RegularExpressions;
using System.CommandLine;
using Microsoft.Extensions.Time.Testing;
using PgPlatform.Infra.CommandLine;
using PgPlatform.Infra.Commands;
using PgPlatform.Stacks.Drills;
using PgPlatform.Stacks.Nightly;
using PgPlatform.Stacks.Nightly.EvidenceStore;
using PgPlatform.Stacks.Sessions;
using PgPlatform.Stacks.Targets.Local;

namespace PgPlatform.Stacks.Tests.Nightly;

/// <summary>
/// <c>nightly --target local</c> through the scheduler and the embedded evidence store: a real Azurite on a directory
/// that outlives it, stopped after each night and started again for the next; the drills are a recording fake (the
/// real local drills take minutes per database; <see cref="LocalNightlyWindowTests"/> runs them).
/// </summary>
public sealed class LocalNightlyTests : IDisposable
{
    private static readonly DateTimeOffset Night = new(2026, 12, 1, 22, 0, 0, TimeSpan.Zero);
    private readonly string _project = Directory.CreateTempSubdirectory("local-nightly-").FullName;

    public LocalNightlyTests() => StackFiles.Write(_project, "dev", "linkding", "wikijs");

    public void Dispose() => Directory.Delete(_project, recursive: true);

    [Fact]
    public async Task EachNightReadsTheLastOnesEvidenceFromTheEmbeddedStoreAndDrillsTheFailedThenTheStalest()
    {
        // dev is a development stack: objective 30 days, due after 15.
        var drills = new RecordingDatabaseDrills("linkding", "wikijs") { Failing = { "linkding" } };
        var storeDirectory = Path.Combine(_project, "out", NightlyCommand.EvidenceStoreDirectory);
        var time = new FakeTimeProvider(Night);

        var (first, _) = await NightAsync(drills, storeDirectory, time);
        drills.Failing.Clear();
        time.Advance(TimeSpan.FromDays(1));
        var (second, _) = await NightAsync(drills, storeDirectory, time);
        time.Advance(TimeSpan.FromDays(15) + TimeSpan.FromHours(1));
        var (third, history) = await NightAsync(drills, storeDirectory, time);

        // Night 1: never proven, by name. Night 2: linkding failed, wikijs fresh. Night 3: both due, wikijs (proven a day
        // before linkding) first although linkding sorts first by name.
        Assert.Equal(["linkding", "wikijs", "linkding", "wikijs", "linkding"], drills.Drilled);
        Assert.Equal([false, true], first.Applications.Select(a => a.Passed));
        Assert.Equal(["linkding"], second.Applications.Select(a => a.Application));
        Assert.Equal(["wikijs"], second.Fresh);
        Assert.True(second.Passed);
        Assert.Empty(third.Fresh);
        Assert.Equal(5, history.Count);
        Assert.Equal([Night, Night.AddDays(1), Night.AddDays(16).AddHours(1)], history.Where(h => h.Application == "linkding").Select(h => h.StartedAt));
        Assert.Equal($"azurite://{storeDirectory}/{NightlyEvidence.Container}", third.EvidenceLocation);
        Assert.Empty(ProcessSweeper.Find(storeDirectory));
    }

    [Fact]
    public async Task TheLocalCommandKeepsEvidenceUnderOutAndASecondRunDrillsNothing()
    {
        var drills = new RecordingDatabaseDrills("linkding", "wikijs");
        var reports = Path.Combine(_project, "reports");
        var storeDirectory = Path.Combine(reports, NightlyCommand.EvidenceStoreDirectory);

        var first = await RunAsync(drills, "reports");
        var firstMarkdown = File.ReadAllText(Path.Combine(reports, "fleet.md"));
        var second = await RunAsync(drills, "reports");

        Assert.Equal((0, ""), (first.Exit, first.Error));
        Assert.Equal((0, ""), (second.Exit, second.Error));
        Assert.Equal(["linkding", "wikijs"], drills.Drilled);
        Assert.Contains($"nightly: evidence store: Azurite on {storeDirectory} (kept between runs)", first.Out, StringComparison.Ordinal);
        // The embedded target's default: one database at a time.
        Assert.Contains("nightly: linkding: starting (expected 45 min, never measured; 1 of 1 slots)", first.Out, StringComparison.Ordinal);
        // The results table: a row per database and drill.
        Assert.All(new[] { "failover", "restore", "rotation", "backup" }, drill =>
            Assert.Matches(new Regex($@"(?m)^linkding\s+{drill}\s+passed\b"), first.Out));
        Assert.Contains($"linkding: evidence azurite://{storeDirectory}/{NightlyEvidence.Container}/dev/linkding/", first.Out, StringComparison.Ordinal);
        Assert.Contains("nightly: linkding: evidence fresh, not due", second.Out, StringComparison.Ordinal);
        Assert.Contains("nightly: wikijs: evidence fresh, not due", second.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("FAILED", first.Out + second.Out, StringComparison.Ordinal);
        Assert.Contains($"evidence in azurite://{storeDirectory}/{NightlyEvidence.Container}", firstMarkdown, StringComparison.Ordinal);
        Assert.Contains("Not drilled: fresh linkding, wikijs; deferred (window full) none.", File.ReadAllText(Path.Combine(reports, "fleet.md")), StringComparison.Ordinal);
        Assert.True(Directory.Exists(Path.Combine(storeDirectory, "azurite")));
        Assert.Empty(ProcessSweeper.Find(storeDirectory));
    }

    [Fact]
    public async Task AStackTheCompilerRefusesLeavesNoEvidenceStoreBehind()
    {
        var drills = new RecordingDatabaseDrills("linkding", "wikijs");

        var result = await RunAsync(drills, "reports", stack: "nope");

        Assert.Equal((int)ExitCode.Failed, result.Exit);
        Assert.StartsWith("error: stack 'nope' has no stack file Pulumi.nope.yaml in ", result.Error, StringComparison.Ordinal);
        Assert.Empty(drills.Drilled);
        Assert.False(Directory.Exists(Path.Combine(_project, "reports")), "the --out directory (with an empty evidence store) stays behind");
        Assert.Empty(ProcessSweeper.Find(_project));
    }

    [Fact]
    public async Task TheStacksNightlyBoundsApplyUnlessTheCommandLineGivesItsOwn()
    {
        var file = Path.Combine(_project, "Pulumi.dev.yaml");
        File.WriteAllText(file, File.ReadAllText(file).Replace("config:\n", "config:\n  pg-platform:nightly: {concurrency: 2, window: 2h}\n", StringComparison.Ordinal));

        var declared = await RunAsync(new RecordingDatabaseDrills("linkding", "wikijs"), "declared");
        var flags = await RunAsync(new RecordingDatabaseDrills("linkding", "wikijs"), "flags", extra: "--concurrency 1 --window 3h");

        Assert.Equal((0, 0), (declared.Exit, flags.Exit));
        Assert.Contains("nightly: linkding: starting (expected 45 min, never measured; 1 of 2 slots)", declared.Out, StringComparison.Ordinal);
        Assert.Contains("nightly: linkding: starting (expected 45 min, never measured; 1 of 1 slots)", flags.Out, StringComparison.Ordinal);
        Assert.Contains("nightly: 2 of 2 database(s) due; at most 2 at once, window 2h", declared.Out, StringComparison.Ordinal);
        Assert.Contains("nightly: 2 of 2 database(s) due; at most 1 at once, window 3h", flags.Out, StringComparison.Ordinal);
    }

    private static async Task<(FleetReport Report, IReadOnlyList<Stacks.Nightly.Scheduling.EvidenceSummary> History)> NightAsync(IDatabaseDrills drills, string storeDirectory, TimeProvider time)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await using var store = await LocalEvidenceStore.StartAsync(storeDirectory, new LocalTargetOptions(), timeout.Token);
        var project = Path.GetDirectoryName(Path.GetDirectoryName(storeDirectory))!;
        var report = await new NightlyRunner(drills) { Store = store.Store, Time = time }.RunAsync(DeclaredStack.Load(project, "dev", drills.Catalog), project, [DrillKind.Failover], DrillLog.Silent, timeout.Token);
        return (report, await store.Store.ReadHistoryAsync("dev", timeout.Token));
    }

    private async Task<(int Exit, string Out, string Error)> RunAsync(IDatabaseDrills drills, string outDirectory, string stack = "dev", string extra = "")
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var context = new CommandContext(TextWriter.Synchronized(output), TextWriter.Synchronized(error), _ => null, _project);
        var root = new RootCommand("test") { new NightlyCommand(context, local: _ => drills) };
        var exit = await root.Parse($"nightly --stack {stack} --target local --project-dir {_project} --out {outDirectory} {extra}").InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }
}
