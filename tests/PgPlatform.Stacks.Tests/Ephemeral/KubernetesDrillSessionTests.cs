using PgPlatform.Stacks.Commands;
using PgPlatform.Stacks.Drills;
using PgPlatform.Stacks.Ephemeral;
using PgPlatform.Stacks.Evidence;
using PgPlatform.Stacks.Targets;
using PgPlatform.Stacks.Tests.Nightly;

namespace PgPlatform.Stacks.Tests.Ephemeral;

public sealed class KubernetesDrillSessionTests : IDisposable
{
    private readonly FakePulumi _pulumi = new();
    private readonly string _project = Directory.CreateTempSubdirectory("k8s-session-").FullName;
    private readonly StringWriter _out = new();
    private readonly StringWriter _error = new();

    public KubernetesDrillSessionTests() => File.WriteAllText(Path.Combine(_project, "Pulumi.dev.yaml"), "config:\n  pg-platform:databases:\n    - name: linkding\n");

    public void Dispose()
    {
        _pulumi.Dispose();
        Directory.Delete(_project, recursive: true);
    }

    [Theory]
    [InlineData(Fault.KillPatroni, "the kubernetes target cannot inject --fault kill-patroni; it injects wal-gap")]
    [InlineData(Fault.ObjectStoreDown, "the kubernetes target cannot inject --fault object-store-down; it injects wal-gap")]
    [InlineData(Fault.WrongCredentials, "the kubernetes target cannot inject --fault wrong-credentials; it injects wal-gap")]
    public void Faults_the_target_cannot_inject_are_refused(Fault fault, string reason)
    {
        Assert.Equal(reason, KubernetesDrillSession.Refusal(DrillNames.AllDrills, fault));
    }

    [Fact]
    public void Every_drill_and_the_wal_gap_fault_run_on_the_kubernetes_target()
    {
        Assert.Null(KubernetesDrillSession.Refusal(DrillNames.AllDrills, Fault.None));
        Assert.Null(KubernetesDrillSession.Refusal([DrillKind.Restore, DrillKind.Backup], Fault.WalGap));
    }

    [Fact]
    public async Task Drills_that_pass_but_a_stack_that_will_not_go_away_write_evidence_and_exit_2_saying_how_to_finish()
    {
        var run = Run(passed: true);
        var failingTeardown = new EphemeralDrillRun
        {
            ConfigureStack = options => options with { SearchPath = _pulumi.SearchPath, Environment = _pulumi.Environment(fail: "destroy"), BackendDirectory = _pulumi.BackendDirectory },
            StartTarget = run.StartTarget,
            RunDrill = run.RunDrill,
        };

        var exit = await KubernetesDrillSession.RunAsync([DrillKind.Failover], Fault.None, _project, "dev", "linkding", null, Path.Combine(_project, "out"), Context(), CancellationToken.None, failingTeardown);

        Assert.Equal(ExitCodes.TargetUnavailable, exit);
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
    public async Task A_run_writes_evidence_for_the_kubernetes_target_and_exits_by_the_verdict()
    {
        var exit = await KubernetesDrillSession.RunAsync([DrillKind.Failover], Fault.None, _project, "dev", "linkding", null, Path.Combine(_project, "out"), Context(), CancellationToken.None, Run(passed: false));

        Assert.Equal(ExitCodes.Failed, exit);
        var evidence = EvidenceWriter.FromJson(File.ReadAllText(Path.Combine(_project, "out", "evidence.json")));
        Assert.Equal("kubernetes", evidence.Target);
        Assert.Equal("failover broke", Assert.Single(evidence.Drills).Reason);
        Assert.Contains("failover   FAILED  failover broke", _out.ToString(), StringComparison.Ordinal);
        Assert.StartsWith("stack rm drill-", _pulumi.Commands[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_application_the_stack_does_not_deploy_is_a_usage_error()
    {
        var exit = await KubernetesDrillSession.RunAsync([DrillKind.Failover], Fault.None, _project, "dev", "wikijs", null, Path.Combine(_project, "out"), Context(), CancellationToken.None, Run(passed: true));

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Equal("error: stack dev does not deploy 'wikijs' (it deploys linkding)\n", _error.ToString());
        Assert.Empty(_pulumi.Commands);
    }

    [Fact]
    public async Task A_target_that_never_starts_exits_2_after_teardown()
    {
        var run = Run(passed: true);
        var failing = new EphemeralDrillRun
        {
            ConfigureStack = run.ConfigureStack,
            StartTarget = (_, _) => throw new TargetUnavailableException("Cluster linkding-db Ready: not reached within 1 s"),
        };

        var exit = await KubernetesDrillSession.RunAsync([DrillKind.Failover], Fault.None, _project, "dev", "linkding", null, Path.Combine(_project, "out"), Context(), CancellationToken.None, failing);

        Assert.Equal(ExitCodes.TargetUnavailable, exit);
        Assert.Equal("error: Cluster linkding-db Ready: not reached within 1 s\n", _error.ToString());
        Assert.StartsWith("stack rm drill-", _pulumi.Commands[^1], StringComparison.Ordinal);
    }

    private CommandContext Context() => new(_out, _error, _ => null, _project);

    private EphemeralDrillRun Run(bool passed) => new()
    {
        ConfigureStack = options => options with { SearchPath = _pulumi.SearchPath, Environment = _pulumi.Environment(), BackendDirectory = _pulumi.BackendDirectory },
        StartTarget = (deployed, _) => Task.FromResult<IDrillTarget>(new FakeDrillTarget(deployed.Application)),
        RunDrill = (_, kind, _, _) => Task.FromResult(FleetSamples.Drill(DrillNames.Name(kind), passed, 0)),
    };
}
