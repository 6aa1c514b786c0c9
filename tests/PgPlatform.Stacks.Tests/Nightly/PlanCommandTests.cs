using System.CommandLine;
using System.Diagnostics;
using PgPlatform.Infra.CommandLine;
using PgPlatform.Infra.Commands;
using PgPlatform.Stacks.Ephemeral;
using PgPlatform.Stacks.Nightly.EvidenceStore;
using PgPlatform.Stacks.Sessions;
using PgPlatform.Stacks.Targets.Local;
using PgPlatform.Stacks.Targets;

namespace PgPlatform.Stacks.Tests.Nightly;

/// <summary><c>nightly --plan</c> on the dev stack's databases grown to 1,000: nothing is deployed.</summary>
public sealed class PlanCommandTests : IDisposable
{
    private readonly string _project = Directory.CreateTempSubdirectory("nightly-plan-").FullName;

    public PlanCommandTests() => StackFiles.Write(_project, "dev", "linkding", "wikijs", "gitea");

    public void Dispose() => Directory.Delete(_project, recursive: true);

    [Theory]
    [InlineData(2, (int)ExitCode.Failed, "full coverage NOT reached")]
    [InlineData(20, (int)ExitCode.Success, "full coverage after night 7\n")]
    public async Task APlanForAThousandDatabasesPrintsCoverageBreachesAndPeakResourcesInSeconds(int concurrency, int expectedExit, string coverage)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var root = new RootCommand("test") { new NightlyCommand(new CommandContext(output, error, _ => null, _project), _ => Drills()) };
        var clock = Stopwatch.StartNew();

        var exit = await root.Parse($"nightly --stack dev --project-dir {_project} --plan --fleet-size 1000 --concurrency {concurrency} --window 6h").InvokeAsync(new InvocationConfiguration { Output = output, Error = error });

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
        Assert.Equal(expectedExit, exit);
        var text = output.ToString();
        Assert.StartsWith("tonight (", text, StringComparison.Ordinal);
        Assert.Contains($"\nplan: 1000 database(s), concurrency {concurrency}, window 6 h, 60 night(s) simulated\n  development: 1000 database(s), objective 30 d\n", text, StringComparison.Ordinal);
        Assert.Contains(coverage, text, StringComparison.Ordinal);
        Assert.Matches($"peak: {concurrency} drill\\(s\\) at once, [0-9.]+ CPU, [0-9.]+ GiB memory, [0-9.]+ GiB disk\n", text);
        // 16 drills a night (45 min default, 6 h) prove 496 of 1,000 in 31 nights: the rest breach on night 32.
        Assert.Matches(concurrency == 2 ? "breaches: [0-9]+ database\\(s\\) would outlive their objective\n  dev/[a-z]+-[0-9]{4} \\(development, 30 d\\) from night 32\n" : "breaches: 0 database\\(s\\)", text);
    }

    [Fact]
    public async Task ABadWindowIsAUsageErrorNamingTheFlag()
    {
        var error = new StringWriter();
        var root = new RootCommand("test") { new NightlyCommand(new CommandContext(TextWriter.Null, error, _ => null, _project), _ => Drills()) };

        var exit = await root.Parse($"nightly --stack dev --project-dir {_project} --plan --window six").InvokeAsync(new InvocationConfiguration { Output = TextWriter.Null, Error = error });

        Assert.Equal((int)ExitCode.Usage, exit);
        Assert.Equal("error: --window 'six' is not a duration; give a positive number with s, m, h or d (e.g. 6h, 90m)\n", error.ToString());
    }

    [Fact]
    public async Task WithoutAnEmbeddedStoreTheLocalPlanSaysSoAndPlansWithDefaultDurations()
    {
        var outDir = Path.Combine(_project, "out");

        var (exit, text) = await PlanAsync($"--target local --out {outDir}");

        Assert.Equal((int)ExitCode.Success, exit);
        Assert.StartsWith($"evidence: no evidence yet: default durations ({Path.Combine(outDir, NightlyCommand.EvidenceStoreDirectory)} does not exist)\ntonight (2026-12-03 01:00Z): 3 of 3 database(s) due\n", text, StringComparison.Ordinal);
        Assert.Contains("  dev/linkding: last drilled never; due: never proven; expected 45 min default\n", text, StringComparison.Ordinal);
        Assert.False(Directory.Exists(outDir), "--plan created the out directory or an evidence store");
    }

    [Fact]
    public async Task WithAnEmbeddedStoreHoldingHistoryTheLocalPlanShowsTonightsStandingAndMeasuredDurations()
    {
        var storeDirectory = Path.Combine(_project, "out", NightlyCommand.EvidenceStoreDirectory);
        using (var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2)))
        {
            await using var store = await LocalEvidenceStore.StartAsync(storeDirectory, new LocalTargetOptions(), timeout.Token);
            // linkding proven 2 days before "now" in 20 min; wikijs failed 1 day before in 30 min; gitea never drilled.
            await store.Store.WriteAsync(Record("linkding", Now.AddDays(-2), 1200, passed: true), timeout.Token);
            await store.Store.WriteAsync(Record("wikijs", Now.AddDays(-1), 1800, passed: false), timeout.Token);
        }

        var (exit, text) = await PlanAsync($"--target local --out {Path.Combine(_project, "out")}");

        Assert.Equal((int)ExitCode.Success, exit);
        Assert.StartsWith($"evidence: azurite://{storeDirectory}/", text, StringComparison.Ordinal);
        Assert.Contains(", 2 record(s)\ntonight (2026-12-03 01:00Z): 2 of 3 database(s) due\n", text, StringComparison.Ordinal);
        Assert.Contains("  dev/linkding: last drilled 2026-12-01 passed; not due: evidence 2 d old, due from 15 d (0.5 of the 30 d objective); expected 20 min measured\n", text, StringComparison.Ordinal);
        Assert.Contains("  dev/wikijs: last drilled 2026-12-02 failed; due: last drill failed; expected 30 min measured\n", text, StringComparison.Ordinal);
        Assert.Contains("  dev/gitea: last drilled never; due: never proven; expected 45 min default\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("no evidence yet", text, StringComparison.Ordinal);
    }

    private static readonly DateTimeOffset Now = new(2026, 12, 3, 1, 0, 0, TimeSpan.Zero);

    private static EvidenceRecord Record(string application, DateTimeOffset finishedAt, double seconds, bool passed) => new()
    {
        Stack = "dev",
        RunId = EvidenceRecord.NewRunId(finishedAt.AddSeconds(-seconds)),
        Application = application,
        StartedAt = finishedAt.AddSeconds(-seconds),
        DurationSeconds = seconds,
        Passed = passed,
    };

    private async Task<(int Exit, string Out)> PlanAsync(string extra)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter();
        var root = new RootCommand("test") { new NightlyCommand(new CommandContext(output, error, _ => null, _project), _ => Drills()) { Now = () => Now } };
        var exit = await root.Parse($"nightly --stack dev --project-dir {_project} --plan {extra}").InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        Assert.Equal("", error.ToString());
        return (exit, output.ToString());
    }

    private static EphemeralDrillRun Drills() => new()
    {
        Catalog = TestCatalog.Of("linkding", "wikijs", "gitea"),
        StartTarget = (_, _) => throw new TargetUnavailableException("--plan deploys nothing"),
    };
}
