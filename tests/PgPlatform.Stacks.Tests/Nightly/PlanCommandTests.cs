using System.CommandLine;
using System.Diagnostics;
using PgPlatform.Infra.CommandLine;
using PgPlatform.Infra.Commands;
using PgPlatform.Stacks.Ephemeral;
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
        Assert.StartsWith($"plan: 1000 database(s), concurrency {concurrency}, window 6 h, 60 night(s) simulated\n  development: 1000 database(s), objective 30 d\n", text, StringComparison.Ordinal);
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

    private static EphemeralDrillRun Drills() => new()
    {
        Catalog = TestCatalog.Of("linkding", "wikijs", "gitea"),
        StartTarget = (_, _) => throw new TargetUnavailableException("--plan deploys nothing"),
    };
}
