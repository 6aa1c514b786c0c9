using Npgsql;
using PgPlatform.Components.Vocabulary;
using PgPlatform.Stacks.Targets;

namespace PgPlatform.Stacks.Rotation;

/// <summary>
/// The login rotation runbook, executed: write a new password for the inactive login, wait until PostgreSQL accepts
/// it, switch the application's Secret to it, make clients pick it up, verify a new login authenticates as the new role
/// and acts as the owner, disable the old login, end its remaining sessions and verify it is refused. Every step prints
/// what it changed and is recorded by the target (<see cref="ICredentialTarget.WriteRotationAsync"/>) before the next
/// starts, so an interrupted rotation is resumed (<see cref="ResumeAsync"/>) or rolled back (<see cref="RollBackAsync"/>).
/// </summary>
/// <param name="target">Where the logins live.</param>
/// <param name="log">Where each step says what it changed.</param>
/// <param name="reloadClients">Clients the target does not manage itself (a drill's application stand-in): reloaded after the target's own; returns what changed.</param>
/// <param name="howToResume">The command that resumes, and the one that rolls back, for messages.</param>
public sealed class RotationRunbook(ICredentialTarget target, Action<string> log, Func<CancellationToken, Task<string>>? reloadClients = null, (string Resume, string RollBack)? howToResume = null)
{
    private readonly (string Resume, string RollBack) _how = howToResume ?? ("resume the rotation", "roll the rotation back");

    /// <summary>
    /// Called between the old login's disable and the termination of its sessions, with the sessions still
    /// authenticated as the old role: clients that never reloaded show up here (a drill fails on them).
    /// </summary>
    public Action<string, int>? OnOldSessionsAfterDisable { get; init; }

    /// <summary>Starts a rotation from the active login to the other; refuses when one is already in progress, naming how to finish it.</summary>
    public async Task<RotationOutcome> RotateAsync(CancellationToken cancellationToken)
    {
        if (await target.ReadRotationAsync(cancellationToken) is { } pending)
        {
            throw new RotationInProgressException(Describe(pending), _how.Resume, _how.RollBack);
        }

        var active = await target.ReadActiveLoginAsync(cancellationToken);
        var state = new RotationState(active.Slot, DatabaseNames.OtherSlot(active.Slot), RotationStep.Started, DateTimeOffset.UtcNow);
        log($"rotation {target.LoginRole(state.From)} -> {target.LoginRole(state.To)}: state kept in {await target.WriteRotationAsync(state, cancellationToken)}");
        return await RunFromAsync(state, cancellationToken);
    }

    /// <summary>Continues the rotation in progress after its last recorded step.</summary>
    public async Task<RotationOutcome> ResumeAsync(CancellationToken cancellationToken)
    {
        var state = await target.ReadRotationAsync(cancellationToken) ?? throw new InvalidOperationException("no rotation is in progress: nothing to resume");
        log($"resuming {Describe(state)}");
        return await RunFromAsync(state, cancellationToken);
    }

    /// <summary>
    /// Returns the application to the login it used before the rotation in progress: that login allowed again, the
    /// Secret switched back, clients reloaded, the new login disabled and its sessions ended.
    /// </summary>
    public async Task RollBackAsync(CancellationToken cancellationToken)
    {
        var state = await target.ReadRotationAsync(cancellationToken) ?? throw new InvalidOperationException("no rotation is in progress: nothing to roll back");
        log($"rolling back {Describe(state)}");
        if (state.Done >= RotationStep.OldDisabled)
        {
            // Its password never changed: allowing the login again is all it needs.
            log(await target.WriteLoginPasswordAsync(state.From, await target.ReadLoginPasswordAsync(state.From, cancellationToken), cancellationToken));
        }

        if (state.Done >= RotationStep.Switched)
        {
            log(await target.SwitchActiveLoginAsync(state.From, cancellationToken));
            log($"clients reloaded: {await ReloadAsync(cancellationToken)}");
        }

        if (state.Done >= RotationStep.PasswordWritten)
        {
            log(await target.DisableLoginAsync(state.To, cancellationToken));
            log($"ended {await target.TerminateSessionsAsync(target.LoginRole(state.To), cancellationToken)} session(s) of {target.LoginRole(state.To)}");
        }

        log($"rolled back: the application logs in as {target.LoginRole(state.From)}; state cleared in {await target.WriteRotationAsync(null, cancellationToken)}");
    }

    private async Task<RotationOutcome> RunFromAsync(RotationState state, CancellationToken cancellationToken)
    {
        var (from, to) = (target.LoginRole(state.From), target.LoginRole(state.To));
        DateTimeOffset? switchedAt = null;
        var oldAfterDisable = 0;
        async Task Step(RotationStep step, Func<Task<string>> work)
        {
            if (state.Done >= step)
            {
                return;
            }

            cancellationToken.ThrowIfCancellationRequested();
            var changed = await work();
            state = state.After(step);
            // A step that happened is recorded even when the run is being cancelled: the record is what resumes it.
            await target.WriteRotationAsync(state, CancellationToken.None);
            log($"{StepName(step)}: {changed}");
        }

        try
        {
            await Step(RotationStep.PasswordWritten, () => target.WriteLoginPasswordAsync(state.To, NewPassword(), cancellationToken));
            var password = await target.ReadLoginPasswordAsync(state.To, cancellationToken);
            await Step(RotationStep.PasswordApplied, () => target.WaitLoginAppliedAsync(state.To, password, cancellationToken));
            await Step(RotationStep.Switched, async () =>
            {
                switchedAt = DateTimeOffset.UtcNow;
                return await target.SwitchActiveLoginAsync(state.To, cancellationToken);
            });
            await Step(RotationStep.ClientsReloaded, () => ReloadAsync(cancellationToken));
            await Step(RotationStep.Verified, () => VerifyAsync(to, password, cancellationToken));
            await Step(RotationStep.OldDisabled, async () =>
            {
                var changed = await target.DisableLoginAsync(state.From, cancellationToken);
                oldAfterDisable = await target.CountSessionsAsync(from, cancellationToken);
                OnOldSessionsAfterDisable?.Invoke(from, oldAfterDisable);
                return $"{changed}; {oldAfterDisable} session(s) still authenticated as {from}";
            });
            await Step(RotationStep.SessionsTerminated, async () => $"ended {await target.TerminateSessionsAsync(from, cancellationToken)} remaining session(s) of {from}");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new RotationInterruptedException($"rotation {from} -> {to} stopped after step '{StepName(state.Done)}': {e.Message}", _how.Resume, _how.RollBack, e);
        }

        var refused = await TryLoginAsync(from, await target.ReadLoginPasswordAsync(state.From, cancellationToken), cancellationToken);
        var left = await target.CountSessionsAsync(from, cancellationToken);
        await target.WriteRotationAsync(null, cancellationToken);
        log($"done: the application logs in as {to}; {from} is disabled ({refused ?? "still logs in"}), {left} session(s) left");
        return new RotationOutcome(from, to, switchedAt, oldAfterDisable, left, refused);
    }

    private async Task<string> ReloadAsync(CancellationToken cancellationToken)
    {
        var own = await target.ReloadClientsAsync(cancellationToken);
        return reloadClients is null ? own : $"{own}; {await reloadClients(cancellationToken)}";
    }

    /// <summary>A fresh login as <paramref name="role"/> authenticates as it and acts as the owner.</summary>
    private async Task<string> VerifyAsync(string role, string password, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(target.ConnectionStringAs(role, password));
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT session_user::text, current_user::text", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var (session, current) = (reader.GetString(0), reader.GetString(1));
        if (session != role || current != target.Owner)
        {
            throw new InvalidOperationException($"a new login authenticated as {session} acting as {current}, not as {role} acting as {target.Owner}");
        }

        return $"a new login authenticates as {session} and acts as {current}";
    }

    /// <summary>Null when <paramref name="role"/> logs in; otherwise the server's refusal with its SQLSTATE.</summary>
    public async Task<string?> TryLoginAsync(string role, string password, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new NpgsqlConnection(target.ConnectionStringAs(role, password));
            await connection.OpenAsync(cancellationToken);
            return null;
        }
        catch (NpgsqlException e)
        {
            // Through a multi-host endpoint each host's refusal is wrapped in "unable to connect to a suitable host".
            return ServerErrors(e).FirstOrDefault() is { } server ? $"{server.SqlState}: {server.MessageText}" : e.Message;
        }
    }

    private static IEnumerable<PostgresException> ServerErrors(Exception? e) => e switch
    {
        null => [],
        PostgresException server => [server],
        AggregateException aggregate => aggregate.InnerExceptions.SelectMany(ServerErrors),
        _ => ServerErrors(e.InnerException),
    };

    private string Describe(RotationState state) =>
        $"the rotation {target.LoginRole(state.From)} -> {target.LoginRole(state.To)} started {state.StartedAt:u}, last step done '{StepName(state.Done)}'";

    /// <summary>The step as the runbook prints it.</summary>
    public static string StepName(RotationStep step) => step switch
    {
        RotationStep.Started => "started",
        RotationStep.PasswordWritten => "new password written",
        RotationStep.PasswordApplied => "password applied",
        RotationStep.Switched => "application switched",
        RotationStep.ClientsReloaded => "clients reloaded",
        RotationStep.Verified => "new login verified",
        RotationStep.OldDisabled => "old login disabled",
        RotationStep.SessionsTerminated => "old sessions ended",
        _ => throw new ArgumentOutOfRangeException(nameof(step)),
    };

    private static string NewPassword() => Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24));
}
