using System.CommandLine;
using PgPlatform.Infra.CommandLine;
using PgPlatform.Infra.Commands;
using PgPlatform.Stacks.Rotation;
using PgPlatform.Stacks.Targets;
using PgPlatform.Stacks.Targets.Local;

namespace PgPlatform.Stacks.Tests.Commands;

/// <summary>
/// <c>rotate</c> run through its command line to the end, on a real local target (Patroni, PostgreSQL 15) lent to the
/// command in place of the stack's Kubernetes database: the steps it prints, its exit codes, and what PostgreSQL and
/// the secret store hold afterwards; then an interrupted rotation finished with <c>--resume</c>, and one undone with
/// <c>--rollback</c>. The tests run in order on one target: each starts from the login the one before left active.
/// </summary>
[TestCaseOrderer(RunOrderOrderer.TypeName, RunOrderOrderer.AssemblyName)]
public sealed class RotateCommandLocalTests(LocalTargetFixture fixture) : IClassFixture<LocalTargetFixture>, IDisposable
{
    private const string Rotate = "rotate --stack dev --app linkding";
    private readonly string _project = CreateProject();

    private LocalTarget Target => fixture.Target;

    public void Dispose() => Directory.Delete(_project, recursive: true);

    [Fact]
    [RunOrder(1)]
    public async Task ARotationRunsEveryStepPrintsWhatChangedAndLeavesTheOldLoginDisabled()
    {
        var before = await Target.ReadActiveLoginAsync(CancellationToken.None);

        var run = await RunAsync([]);

        Assert.Equal(((int)ExitCode.Success, ""), (run.Exit, run.Error));
        Assert.Equal(("app_a", "a"), (before.Role, before.Slot));
        Assert.Equal(
            ["rotation app_a -> app_b: state kept in ", "new password written: new password of app_b in the local secret store, login allowed",
             "password applied: a login as app_b with the new password succeeds", "application switched: the application's login is app_b (was app_a)",
             "clients reloaded: no application runs on the local target", "new login verified: a new login authenticates as app_b and acts as app",
             "old login disabled: app_a may no longer log in (NOLOGIN); 0 session(s) still authenticated as app_a",
             "old sessions ended: ended 0 remaining session(s) of app_a", "done: the application logs in as app_b; app_a is disabled (28000: "],
            run.Lines.Select(Prefix));
        Assert.EndsWith("0 session(s) left", run.Lines[^1], StringComparison.Ordinal);
        await AssertActiveAsync("app_b", disabled: "app_a", before.Password);
        Assert.DoesNotContain(before.Password, run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain((await Target.ReadActiveLoginAsync(CancellationToken.None)).Password, run.Output, StringComparison.Ordinal);
    }

    [Fact]
    [RunOrder(2)]
    public async Task AnInterruptedRotationExits130NamingResumeAndRollBackRefusesANewOneAndResumeFinishesIt()
    {
        var interrupted = await RunAsync([], interruptAfter: "application switched");

        Assert.Equal((int)ExitCode.Cancelled, interrupted.Exit);
        Assert.Equal($"error: cancelled: the steps done are recorded; run `{Rotate} --resume` to finish or `{Rotate} --rollback` to undo\n", interrupted.Error);
        Assert.Equal(RotationStep.Switched, (await Target.ReadRotationAsync(CancellationToken.None))?.Done);
        Assert.Equal("app_a", (await Target.ReadActiveLoginAsync(CancellationToken.None)).Role);

        var refused = await RunAsync([]);

        Assert.Equal((int)ExitCode.Failed, refused.Exit);
        Assert.Contains($"last step done 'application switched' is not finished: to finish it, run `{Rotate} --resume`; to return to the old login, run `{Rotate} --rollback`", refused.Error, StringComparison.Ordinal);
        var oldPassword = await Target.ReadLoginPasswordAsync("b", CancellationToken.None);

        var resumed = await RunAsync(["--resume"]);

        Assert.Equal(((int)ExitCode.Success, ""), (resumed.Exit, resumed.Error));
        Assert.Equal(
            ["resuming the rotation app_b -> app_a started ", "clients reloaded: no application runs on the local target", "new login verified: a new login authenticates as app_a and acts as app",
             "old login disabled: app_b may no longer log in (NOLOGIN); 0 session(s) still authenticated as app_b", "old sessions ended: ended 0 remaining session(s) of app_b",
             "done: the application logs in as app_a; app_b is disabled (28000: "],
            resumed.Lines.Select(Prefix));
        Assert.Null(await Target.ReadRotationAsync(CancellationToken.None));
        await AssertActiveAsync("app_a", disabled: "app_b", oldPassword);
    }

    [Fact]
    [RunOrder(3)]
    public async Task AnInterruptedRotationRolledBackLeavesTheApplicationOnItsLoginAndTheOtherDisabled()
    {
        var before = await Target.ReadActiveLoginAsync(CancellationToken.None);
        var interrupted = await RunAsync([], interruptAfter: "new login verified");
        Assert.Equal((int)ExitCode.Cancelled, interrupted.Exit);
        Assert.Equal("app_b", (await Target.ReadActiveLoginAsync(CancellationToken.None)).Role);
        var abandoned = await Target.ReadLoginPasswordAsync("b", CancellationToken.None);

        var rolledBack = await RunAsync(["--rollback"]);

        Assert.Equal(((int)ExitCode.Success, ""), (rolledBack.Exit, rolledBack.Error));
        Assert.Equal(
            ["rolling back the rotation app_a -> app_b started ", "the application's login is app_a (was app_b)", "clients reloaded: no application runs on the local target",
             "app_b may no longer log in (NOLOGIN)", "ended 0 session(s) of app_b", "rolled back: the application logs in as app_a; state cleared in "],
            rolledBack.Lines.Select(Prefix));
        Assert.Null(await Target.ReadRotationAsync(CancellationToken.None));
        Assert.Equal(before, await Target.ReadActiveLoginAsync(CancellationToken.None));
        await AssertActiveAsync("app_a", disabled: "app_b", abandoned);

        var nothing = await RunAsync(["--resume"]);

        Assert.Equal(((int)ExitCode.Failed, "error: no rotation is in progress: nothing to resume\n"), (nothing.Exit, nothing.Error));
    }

    /// <summary>The application's Secret names <paramref name="active"/>, whose password logs in as it acting as the owner; <paramref name="disabled"/> is refused by the server.</summary>
    private async Task AssertActiveAsync(string active, string disabled, string disabledPassword)
    {
        var login = await Target.ReadActiveLoginAsync(CancellationToken.None);
        Assert.Equal(active, login.Role);
        var runbook = new RotationRunbook(Target, _ => { });
        Assert.Null(await runbook.TryLoginAsync(active, login.Password, CancellationToken.None));
        Assert.StartsWith("28000: role \"" + disabled + "\" is not permitted to log in", await runbook.TryLoginAsync(disabled, disabledPassword, CancellationToken.None), StringComparison.Ordinal);
        Assert.Equal(0, await Target.CountSessionsAsync(disabled, CancellationToken.None));
    }

    /// <summary>Runs <c>rotate --stack dev --app linkding ARGS</c> with the local target lent as the stack's database, cancelled right after a line starting with <paramref name="interruptAfter"/>.</summary>
    private async Task<Run> RunAsync(string[] args, string? interruptAfter = null)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        using var interrupt = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token);
        var output = new InterruptingWriter(interruptAfter, interrupt);
        var error = new StringWriter { NewLine = "\n" };
        var lent = new BorrowedCredentialTarget(Target);
        var command = new RotateCommand(new CommandContext(output, error, _ => null, _project), (stack, database, _, _, _) =>
        {
            Assert.Equal(("dev", "linkding"), (stack.Settings.Stack, database.Application));
            return Task.FromResult<ICredentialTarget>(lent);
        });
        var exit = await new RootCommand("test") { command }.Parse(["rotate", "--stack", "dev", "--app", "linkding", "--project-dir", _project, .. args]).InvokeAsync(cancellationToken: interrupt.Token);
        Assert.True(lent.Returned);
        var text = output.ToString();
        return new Run(exit, text, text.Split('\n', StringSplitOptions.RemoveEmptyEntries), error.ToString());
    }

    /// <summary>The part of <paramref name="line"/> the tests compare: up to a value that differs per run (a path, a time, a duration).</summary>
    private static string Prefix(string line)
    {
        foreach (var marker in new[] { "state kept in ", "started ", "(28000: ", "state cleared in " })
        {
            var at = line.IndexOf(marker, StringComparison.Ordinal);
            if (at >= 0)
            {
                return line[..(at + marker.Length)];
            }
        }

        var after = line.IndexOf(" (after ", StringComparison.Ordinal);
        return after >= 0 ? line[..after] : line;
    }

    private static string CreateProject()
    {
        var project = Directory.CreateTempSubdirectory("rotate-command-local-").FullName;
        StackFiles.Write(project, "dev", "linkding");
        return project;
    }

    private sealed record Run(int Exit, string Output, string[] Lines, string Error);

    /// <summary>Collects the command's output and cancels its run once it printed a line starting with the given prefix.</summary>
    private sealed class InterruptingWriter(string? prefix, CancellationTokenSource interrupt) : StringWriter
    {
        public override string NewLine => "\n";

        public override void WriteLine(string? value)
        {
            base.WriteLine(value);
            if (prefix is not null && value is not null && value.StartsWith(prefix, StringComparison.Ordinal))
            {
                interrupt.Cancel();
            }
        }
    }
}
