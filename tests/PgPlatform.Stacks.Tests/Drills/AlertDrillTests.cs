using PgPlatform.Components.Declaration;
using PgPlatform.Infra.Platform;
using PgPlatform.Stacks.Drills;
using PgPlatform.Stacks.Evidence;
using PgPlatform.Stacks.Targets;
using Xunit.Abstractions;

namespace PgPlatform.Stacks.Tests.Drills;

/// <summary>
/// The alerts drill on a real local target with real Debian Prometheus, Alertmanager and postgres_exporter, loading
/// the prod stack's own rules for linkding: broken delivery fails the drill saying so, and a failover's alert reaches
/// the receiver. (The drill's other faults wait out declared <c>for</c> durations of 5 to 10 minutes: the
/// <c>drill --target local --drill alerts</c> run proves them, not the test suite.)
/// </summary>
[TestCaseOrderer(RunOrderOrderer.TypeName, RunOrderOrderer.AssemblyName)]
public sealed class AlertDrillTests(LocalTargetFixture fixture, ITestOutputHelper output) : IClassFixture<LocalTargetFixture>
{
    private async Task<DrillEvidence> RunAsync(IReadOnlyList<AlertFault> faults)
    {
        fixture.Target.AlertRules = ProdRules();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var log = new DrillLog(new TestOutputWriter(output));
        var recorder = new DrillRecorder(DrillKind.Alerts, fixture.Target, Fault.None, log);
        try
        {
            await new AlertDrill(faults).RunAsync(new DrillContext(fixture.Target, Fault.None, log), recorder, timeout.Token);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            recorder.Fail(e.Message);
        }

        return recorder.Finish();
    }

    private static AlertRules ProdRules() => AlertRules.From(DeclaredStack.Load(RepoRoot(), "prod", ApplicationCatalog.All), "linkding");

    [Fact]
    [RunOrder(1)]
    public async Task AlertmanagerDownFailsTheDrillSayingDeliveryIsBroken()
    {
        // Alertmanager (a real process) is killed as the fault; the alert the drill then waits for can never arrive.
        var alertmanagerDown = new AlertFault("alertmanager-down", "PgFailoverHappened", 1, (c, _) =>
        {
            c.Monitoring.StopAlertmanager();
            return Task.FromResult<string?>(null);
        });

        var evidence = await RunAsync([alertmanagerDown]);

        Assert.False(evidence.Passed, evidence.Reason);
        Assert.Contains("alert delivery is broken: Alertmanager on 127.0.0.1:", evidence.Reason, StringComparison.Ordinal);
        Assert.Contains("does not answer", evidence.Reason, StringComparison.Ordinal);
    }

    [Fact]
    [RunOrder(2)]
    public async Task AKilledPrimaryIsDeliveredAsPgFailoverHappenedWithinItsBound()
    {
        var evidence = await RunAsync([AlertFaults.PrimaryKilled]);

        Assert.True(evidence.Passed, evidence.Reason);
        Assert.Contains("PgFailoverHappened delivered", evidence.Reason, StringComparison.Ordinal);
        var line = evidence.Measurements.Single(m => m.Name == "primary-killed: PgFailoverHappened").Value;
        Assert.Matches(@"^injected \S+Z, firing \S+Z, delivered \S+Z, time to alert [0-9.]+ s \(bound 60 s = declared for 0s \+ 60 s", line);
        Assert.Contains("rules of stack prod", evidence.Measurements.Single(m => m.Name == "monitoring").Value, StringComparison.Ordinal);
    }

    private static string RepoRoot([System.Runtime.CompilerServices.CallerFilePath] string path = "")
    {
        for (var dir = Path.GetDirectoryName(path); dir is not null; dir = Path.GetDirectoryName(dir))
        {
            if (File.Exists(Path.Combine(dir, "Pulumi.yaml")))
            {
                return dir;
            }
        }

        throw new DirectoryNotFoundException($"no Pulumi.yaml above {path}");
    }
}
