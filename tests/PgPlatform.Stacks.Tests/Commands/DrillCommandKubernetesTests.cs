using System.CommandLine;
using PgPlatform.Infra.CommandLine;
using PgPlatform.Infra.Commands;
using PgPlatform.Infra.Platform;
using PgPlatform.Stacks.Drills;
using PgPlatform.Stacks.Ephemeral;
using PgPlatform.Stacks.Evidence;
using PgPlatform.Stacks.Sessions;
using PgPlatform.Stacks.Targets;
using PgPlatform.Stacks.Tests.Ephemeral;
using PgPlatform.Stacks.Tests.Nightly;

namespace PgPlatform.Stacks.Tests.Commands;

public sealed class DrillCommandKubernetesTests : IDisposable
{
    private readonly FakePulumi _pulumi = new();
    private readonly string _project = Directory.CreateTempSubdirectory("k8s-session-").FullName;
    private readonly StringWriter _out = new();
    private readonly StringWriter _error = new();

    public DrillCommandKubernetesTests() => StackFiles.Write(_project, "dev", "linkding");

    public void Dispose()
    {
        _pulumi.Dispose();
        Directory.Delete(_project, recursive: true);
    }

    [Fact]
    public async Task DrillsThatPassButAStackThatWillNotGoAwayWriteEvidenceAndExit4SayingHowToFinish()
    {
        var run = Run(passed: true);
        var failingTeardown = new EphemeralDrillRun
        {
            Catalog = run.Catalog,
            ConfigureStack = options => options with { SearchPath = _pulumi.SearchPath, Environment = _pulumi.Environment(fail: "destroy"), BackendDirectory = _pulumi.BackendDirectory },
            StartTarget = run.StartTarget,
            RunDrill = run.RunDrill,
        };

        var exit = await RunAsync("linkding", failingTeardown);

        Assert.Equal((int)ExitCode.TeardownFailed, exit);
        var evidence = EvidenceWriter.FromJson(File.ReadAllText(Path.Combine(_project, "out", "evidence.json")));
        Assert.True(Assert.Single(evidence.Drills).Passed);
        Assert.False(evidence.Passed);
        Assert.StartsWith("stack drill-", evidence.TeardownError, StringComparison.Ordinal);
        Assert.Contains("was not destroyed", evidence.TeardownError, StringComparison.Ordinal);
        Assert.Contains("pulumi destroy --stack drill-", evidence.TeardownError, StringComparison.Ordinal);
        Assert.Contains("**Teardown FAILED**: stack drill-", File.ReadAllText(Path.Combine(_project, "out", "evidence.md")), StringComparison.Ordinal);
        Assert.StartsWith("error: stack drill-", _error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(_pulumi.Commands, c => c.StartsWith("stack rm", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ARunWritesEvidenceForTheKubernetesTargetAndExitsByTheVerdict()
    {
        var exit = await RunAsync("linkding", Run(passed: false));

        Assert.Equal((int)ExitCode.Failed, exit);
        var evidence = EvidenceWriter.FromJson(File.ReadAllText(Path.Combine(_project, "out", "evidence.json")));
        Assert.Equal("kubernetes", evidence.Target);
        Assert.Equal("failover broke", Assert.Single(evidence.Drills).Reason);
        Assert.Matches("(?m)^failover +FAILED .* failover broke$", _out.ToString());
        Assert.StartsWith("stack rm drill-", _pulumi.Commands[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnApplicationTheStackDoesNotDeclareIsBadInput()
    {
        var exit = await RunAsync("wikijs", Run(passed: true));

        Assert.Equal((int)ExitCode.Failed, exit);
        Assert.StartsWith("error: stack 'dev' declares no database for application 'wikijs' (it declares linkding). Fix: ", _error.ToString(), StringComparison.Ordinal);
        Assert.EndsWith("\n", _error.ToString(), StringComparison.Ordinal);
        Assert.Empty(_pulumi.Commands);
    }

    [Fact]
    public async Task ATargetThatNeverStartsExits3AfterTeardown()
    {
        var run = Run(passed: true);
        var failing = new EphemeralDrillRun
        {
            Catalog = run.Catalog,
            ConfigureStack = run.ConfigureStack,
            StartTarget = (_, _) => throw new TargetUnavailableException("Cluster linkding-db Ready: not reached within 1 s"),
        };

        var exit = await RunAsync("linkding", failing);

        Assert.Equal((int)ExitCode.TargetUnavailable, exit);
        Assert.Equal("error: Cluster linkding-db Ready: not reached within 1 s\n", _error.ToString());
        Assert.StartsWith("stack rm drill-", _pulumi.Commands[^1], StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_project, "out")), "the --out directory created for the run stays behind empty");
    }

    [Fact]
    public async Task EvidenceThatCannotBeWrittenAfterTheRunIsPrintedAsJsonAndTheRunFails()
    {
        // Something takes evidence.json's place after the --out check passed.
        var run = Run(passed: true);
        var blocking = new EphemeralDrillRun
        {
            Catalog = run.Catalog,
            ConfigureStack = run.ConfigureStack,
            StartTarget = run.StartTarget,
            RunDrill = (target, kind, log, ct) =>
            {
                Directory.CreateDirectory(Path.Combine(_project, "out", "evidence.json"));
                return run.RunDrill!(target, kind, log, ct);
            },
        };

        var exit = await RunAsync("linkding", blocking);

        Assert.Equal((int)ExitCode.Failed, exit);
        Assert.StartsWith($"error: evidence could not be written to {Path.Combine(_project, "out")}: ", _error.ToString(), StringComparison.Ordinal);
        Assert.EndsWith("\n  it is printed above as JSON\n", _error.ToString(), StringComparison.Ordinal);
        var json = _out.ToString()[_out.ToString().IndexOf("{\n  \"target\": \"kubernetes\"", StringComparison.Ordinal)..];
        var evidence = EvidenceWriter.FromJson(json[..(json.IndexOf("\n}", StringComparison.Ordinal) + 2)]);
        Assert.Equal(DrillOutcome.Passed, Assert.Single(evidence.Drills).Outcome);
    }

    [Fact]
    public async Task TheAlertsDrillIsRefusedAsNotApplicableBeforeAnyStackIsCreated()
    {
        var exit = await RunAsync("linkding", Run(passed: true), "alerts");

        Assert.Equal((int)ExitCode.Usage, exit);
        Assert.StartsWith($"error: {KubernetesDrillSession.AlertsNotApplicable}", _error.ToString(), StringComparison.Ordinal);
        Assert.Empty(_pulumi.Commands);
    }

    private async Task<int> RunAsync(string application, EphemeralDrillRun run, string drills = "failover")
    {
        var context = new CommandContext(_out, _error, _ => null, _project);
        var root = new RootCommand("test") { new DrillCommand(context, (_, _, _) => run) };
        return await root.Parse(["drill", "--target", "kubernetes", "--stack", "dev", "--app", application, "--drill", drills, "--project-dir", _project, "--out", Path.Combine(_project, "out")]).InvokeAsync();
    }

    [Fact]
    public async Task AStackFileTheCompilerWouldRefuseIsBadInputNamedAsTheCompilerNamesIt()
    {
        File.WriteAllText(Path.Combine(_project, "Pulumi.dev.yaml"), File.ReadAllText(Path.Combine(_project, "Pulumi.dev.yaml")).Replace("  pg-platform:keyVaultName: kv-pgp-dev\n", "", StringComparison.Ordinal));

        var exit = await RunAsync("linkding", Run(passed: true));

        Assert.Equal((int)ExitCode.Failed, exit);
        Assert.StartsWith("error: missing setting 'pg-platform:keyVaultName' in Pulumi.dev.yaml. Fix: ", _error.ToString(), StringComparison.Ordinal);
        Assert.Empty(_pulumi.Commands);
    }

    [Fact]
    public async Task AnApplicationTheCatalogDoesNotKnowIsBadInput()
    {
        StackFiles.Write(_project, "dev", "linkding", "gitea");

        var exit = await RunAsync("gitea", Run(passed: true));

        Assert.Equal((int)ExitCode.Failed, exit);
        Assert.StartsWith("error: stack 'dev' selects application 'gitea', which the catalog does not declare. Fix: use one of linkding, wikijs", _error.ToString(), StringComparison.Ordinal);
        Assert.Empty(_pulumi.Commands);
    }

    private EphemeralDrillRun Run(bool passed) => new()
    {
        Catalog = ApplicationCatalog.All,
        ConfigureStack = options => options with { SearchPath = _pulumi.SearchPath, Environment = _pulumi.Environment(), BackendDirectory = _pulumi.BackendDirectory },
        StartTarget = (deployed, _) => Task.FromResult<IDrillTarget>(new FakeDrillTarget(deployed.Application)),
        RunDrill = (_, kind, _, _) => Task.FromResult(FleetSamples.Drill(DrillNames.Name(kind), passed, 0)),
    };
}
