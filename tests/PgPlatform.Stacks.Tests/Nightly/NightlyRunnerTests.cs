using PgPlatform.Components.Declaration;
using System.CommandLine;
using PgPlatform.Infra.CommandLine;
using PgPlatform.Infra.Commands;
using PgPlatform.Stacks.Drills;
using PgPlatform.Stacks.Ephemeral;
using PgPlatform.Stacks.Evidence;
using PgPlatform.Stacks.Nightly;
using PgPlatform.Stacks.Targets;
using PgPlatform.Stacks.Tests.Ephemeral;

namespace PgPlatform.Stacks.Tests.Nightly;

public sealed class NightlyRunnerTests : IDisposable
{
    private readonly FakePulumi _pulumi = new();
    private readonly string _project = Directory.CreateTempSubdirectory("nightly-").FullName;
    private readonly List<FakeDrillTarget> _targets = [];
    private readonly List<string> _drilled = [];

    public NightlyRunnerTests() => StackFiles.Write(_project, "dev", "linkding", "wikijs", "gitea");

    public void Dispose()
    {
        _pulumi.Dispose();
        Directory.Delete(_project, recursive: true);
    }

    [Fact]
    public async Task EveryApplicationGetsItsOwnStackAndSuiteAndAFailureDoesNotStopTheNight()
    {
        var report = await new NightlyRunner(Drills()).RunAsync(DeclaredStack.Load(_project, "dev", Drills().Catalog), _project, [DrillKind.Failover, DrillKind.Rotation], DrillLog.Silent, CancellationToken.None);

        Assert.Equal(["linkding", "wikijs", "gitea"], report.Applications.Select(a => a.Application));
        Assert.Equal([true, false, false], report.Applications.Select(a => a.Passed));
        Assert.Equal("wikijs rotation broke", report.Applications[1].Run!.Drills[1].Reason);
        Assert.StartsWith("Cluster gitea-db Ready: not reached", report.Applications[2].Error, StringComparison.Ordinal);
        Assert.False(report.Passed);
        Assert.Equal(["linkding failover", "linkding rotation", "wikijs failover", "wikijs rotation"], _drilled);
        Assert.All(_targets, t => Assert.True(t.Disposed));
        var stacks = _pulumi.Commands.Where(c => c.StartsWith("stack init", StringComparison.Ordinal)).Select(c => c.Split(' ')[2]).ToList();
        Assert.Equal(3, stacks.Distinct().Count());
        Assert.All(stacks, s => Assert.Matches("^nightly-[0-9a-f]{6}$", s));
        Assert.All(stacks, s => Assert.Contains($"stack rm {s} --yes --non-interactive --config-file {_pulumi.BackendDirectory}/Pulumi.{s}.yaml", _pulumi.Commands));
        // None was ever proven: all are due, ties broken by name.
        Assert.Equal(["gitea", "linkding", "wikijs"], _pulumi.Commands.Where(c => c.Contains("pg-platform:databases[0].name", StringComparison.Ordinal)).Select(c => c.Split(' ')[^1]));
    }

    [Fact]
    public async Task AStackThatWillNotDeployIsThatApplicationSFailureWithTheStackTornDown()
    {
        var drills = Drills(fail: "up");

        var report = await new NightlyRunner(drills).RunAsync(DeclaredStack.Load(_project, "dev", drills.Catalog), _project, [DrillKind.Failover], DrillLog.Silent, CancellationToken.None);

        Assert.All(report.Applications, a => Assert.Contains("'pulumi up --stack nightly-", a.Error, StringComparison.Ordinal));
        Assert.Equal(3, _pulumi.Commands.Count(c => c.StartsWith("destroy", StringComparison.Ordinal)));
        Assert.Empty(_drilled);
    }

    [Fact]
    public async Task TheCommandWritesTheReportAndExits1WhenADrillFailed()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var context = new CommandContext(output, error, _ => null, _project);
        var root = new RootCommand("test") { new NightlyCommand(context, _ => Drills()) };

        var exit = await root.Parse($"nightly --stack dev --project-dir {_project} --out reports").InvokeAsync(new InvocationConfiguration { Output = output, Error = error });

        Assert.Equal((int)ExitCode.Failed, exit);
        Assert.Matches("(?m)^database +drill +result +time +RTO +RPO +reason$", output.ToString());
        Assert.Matches("(?m)^linkding +failover +passed +[0-9.]+ s +", output.ToString());
        Assert.Matches("(?m)^wikijs +rotation +FAILED +[0-9.]+ s +- +- +", output.ToString());
        Assert.Matches("(?m)^wikijs +backup +passed +", output.ToString());
        Assert.Matches(@"(?m)^\[ +[0-9.]+ s\] nightly: wikijs: FAILED$", output.ToString());
        Assert.True(File.Exists(Path.Combine(_project, "reports", "fleet.md")));
        Assert.Contains("pg_platform_drill_success{app=\"wikijs\",drill=\"rotation\"} 0", File.ReadAllText(Path.Combine(_project, "reports", FleetReportWriter.MetricsFile)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCommandExits4WhenAnEphemeralStackCouldNotBeDestroyedAndSaysHowToFinish()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var root = new RootCommand("test") { new NightlyCommand(new CommandContext(output, error, _ => null, _project), _ => Drills(fail: "destroy")) };

        var exit = await root.Parse($"nightly --stack dev --project-dir {_project} --out reports").InvokeAsync(new InvocationConfiguration { Output = output, Error = error });

        Assert.Equal((int)ExitCode.TeardownFailed, exit);
        Assert.True(File.Exists(Path.Combine(_project, "reports", "fleet.md")));
        Assert.Contains("error: stack nightly-", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("pulumi destroy --stack nightly-", error.ToString(), StringComparison.Ordinal);
        Assert.EndsWith("\n", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCommandExits1ForAStackFileThatDoesNotExist()
    {
        var error = new StringWriter();
        var root = new RootCommand("test") { new NightlyCommand(new CommandContext(TextWriter.Null, error, _ => null, _project), _ => Drills()) };

        var exit = await root.Parse($"nightly --stack nope --project-dir {_project}").InvokeAsync(new InvocationConfiguration { Output = TextWriter.Null, Error = error });

        Assert.Equal((int)ExitCode.Failed, exit);
        Assert.StartsWith("error: stack 'nope' has no stack file Pulumi.nope.yaml in ", error.ToString(), StringComparison.Ordinal);
        Assert.Empty(_pulumi.Commands);
        Assert.False(Directory.Exists(Path.Combine(_project, "out")), "the --out directory created for the night stays behind empty");
    }

    [Fact]
    public async Task AnOutUnderARegularFileIsRefusedBeforeTheFirstStack()
    {
        File.WriteAllText(Path.Combine(_project, "reports"), "not a directory\n");
        var error = new StringWriter();
        var root = new RootCommand("test") { new NightlyCommand(new CommandContext(TextWriter.Null, error, _ => null, _project), _ => Drills()) };

        var exit = await root.Parse($"nightly --stack dev --project-dir {_project} --out reports/tonight").InvokeAsync(new InvocationConfiguration { Output = TextWriter.Null, Error = error });

        Assert.Equal((int)ExitCode.Usage, exit);
        Assert.StartsWith($"error: --out {Path.Combine(_project, "reports", "tonight")} cannot be created: {Path.Combine(_project, "reports")} is a file, not a directory. Fix: ", error.ToString(), StringComparison.Ordinal);
        Assert.Empty(_pulumi.Commands);
        Assert.Empty(_drilled);
    }

    /// <summary>linkding passes, wikijs fails its rotation, gitea's target never becomes Ready.</summary>
    private EphemeralDrillRun Drills(string? fail = null) => new()
    {
        Catalog = TestCatalog.Of("linkding", "wikijs", "gitea"),
        ConfigureStack = options => options with { SearchPath = _pulumi.SearchPath, Environment = _pulumi.Environment(fail: fail), BackendDirectory = _pulumi.BackendDirectory },
        StartTarget = (deployed, _) =>
        {
            if (deployed.Application == "gitea")
            {
                throw new TargetUnavailableException("Cluster gitea-db Ready: not reached within 600 s");
            }

            var target = new FakeDrillTarget(deployed.Application);
            _targets.Add(target);
            return Task.FromResult<IDrillTarget>(target);
        },
        RunDrill = (target, kind, _, _) =>
        {
            var app = ((FakeDrillTarget)target).Application;
            _drilled.Add($"{app} {DrillNames.Name(kind)}");
            return Task.FromResult(FleetSamples.Drill(DrillNames.Name(kind), !(app == "wikijs" && kind == DrillKind.Rotation), 0, reason: app == "wikijs" && kind == DrillKind.Rotation ? "wikijs rotation broke" : null));
        },
    };
}
