using PgPlatform.Stacks.Drills;
using PgPlatform.Stacks.Rotation;
using PgPlatform.Stacks.Targets;
using PgPlatform.Stacks.Targets.Local;
using Xunit.Abstractions;

namespace PgPlatform.Stacks.Tests.Drills;

/// <summary>
/// The rotation runbook and drill on a real local target (Patroni, PostgreSQL 15): a stale client fails the drill
/// with the reason, and an interrupted rotation is resumed or rolled back from its recorded state.
/// </summary>
[TestCaseOrderer(RunOrderOrderer.TypeName, RunOrderOrderer.AssemblyName)]
public sealed class RotationDrillTests(LocalTargetFixture fixture, ITestOutputHelper output) : IClassFixture<LocalTargetFixture>
{
    private LocalTarget Target => fixture.Target;

    private static CancellationTokenSource Timeout() => new(TimeSpan.FromMinutes(5));

    [Fact]
    [RunOrder(1)]
    public async Task AStaleClientThatNeverReloadsFailsTheDrillNamingItsSessionsOfTheOldLogin()
    {
        using var timeout = Timeout();

        var evidence = await DrillRunner.RunOneAsync(Target, DrillKind.Rotation, Fault.StaleClient, new DrillLog(new TestOutputWriter(output)), timeout.Token);

        Assert.False(evidence.Passed);
        Assert.Equal("stale-client", evidence.Fault);
        Assert.Matches("[1-9][0-9]* sessions still authenticated as app_a after the old login was disabled", evidence.Reason);
        Assert.Equal("never (the old role kept pooled sessions)", evidence.Measurements.Single(m => m.Name == "time until every pooled connection used the new role").Value);
        // The runbook still ends them: nothing of the old login survives the rotation.
        Assert.Equal("0", evidence.Measurements.Single(m => m.Name == "sessions of the old role left at the end").Value);
        Assert.Equal("app_b", (await Target.ReadActiveLoginAsync(timeout.Token)).Role);
    }

    [Fact]
    [RunOrder(2)]
    public async Task AnInterruptedRotationRefusesANewOneAndResumesFromItsLastStep()
    {
        using var timeout = Timeout();
        var lines = new List<string>();
        using var interrupt = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token);
        var interrupted = new RotationRunbook(Target, line =>
        {
            lines.Add(line);
            if (line.StartsWith("password applied", StringComparison.Ordinal))
            {
                interrupt.Cancel();
            }
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => interrupted.RotateAsync(interrupt.Token));

        var state = await Target.ReadRotationAsync(timeout.Token);
        Assert.Equal(new RotationState("b", "a", RotationStep.PasswordApplied, state!.StartedAt), state);
        Assert.Equal("app_b", (await Target.ReadActiveLoginAsync(timeout.Token)).Role);
        var runbook = new RotationRunbook(Target, lines.Add, howToResume: ("run rotate --resume", "run rotate --rollback"));
        var refused = await Assert.ThrowsAsync<RotationInProgressException>(() => runbook.RotateAsync(timeout.Token));
        Assert.Contains("last step done 'password applied' is not finished: to finish it, run rotate --resume; to return to the old login, run rotate --rollback", refused.Message, StringComparison.Ordinal);

        var outcome = await runbook.ResumeAsync(timeout.Token);

        Assert.Equal(("app_b", "app_a", 0), (outcome.OldRole, outcome.NewRole, outcome.OldSessionsLeft));
        Assert.StartsWith("28000", outcome.OldLoginRefusal, StringComparison.Ordinal);
        Assert.Null(await Target.ReadRotationAsync(timeout.Token));
        Assert.Equal("app_a", (await Target.ReadActiveLoginAsync(timeout.Token)).Role);
        Assert.Contains(lines, l => l.StartsWith("application switched: the application's login is app_a (was app_b)", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith("new password written", StringComparison.Ordinal) && lines.IndexOf(l) > lines.FindIndex(x => x.StartsWith("resuming", StringComparison.Ordinal)));
    }

    [Fact]
    [RunOrder(3)]
    public async Task ARollBackAfterTheSwitchReturnsTheApplicationToTheOldLoginAndDisablesTheNewOne()
    {
        using var timeout = Timeout();
        var lines = new List<string>();
        using var interrupt = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token);
        var interrupted = new RotationRunbook(Target, line =>
        {
            lines.Add(line);
            if (line.StartsWith("application switched", StringComparison.Ordinal))
            {
                interrupt.Cancel();
            }
        });
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => interrupted.RotateAsync(interrupt.Token));
        Assert.Equal("app_b", (await Target.ReadActiveLoginAsync(timeout.Token)).Role);

        await new RotationRunbook(Target, lines.Add).RollBackAsync(timeout.Token);

        var active = await Target.ReadActiveLoginAsync(timeout.Token);
        Assert.Equal("app_a", active.Role);
        Assert.Null(await Target.ReadRotationAsync(timeout.Token));
        var runbook = new RotationRunbook(Target, lines.Add);
        Assert.Null(await runbook.TryLoginAsync("app_a", active.Password, timeout.Token));
        Assert.StartsWith("28000", await runbook.TryLoginAsync("app_b", await Target.ReadLoginPasswordAsync("b", timeout.Token), timeout.Token), StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("rolled back: the application logs in as app_a", StringComparison.Ordinal));
    }
}
