namespace PgPlatform.Stacks.Targets;

/// <summary>
/// A target whose application logins rotate: two login roles per database (slots <c>a</c> and <c>b</c>, members of
/// the owner acting as it), one active in the Secret the application reads. Each operation is one observable step
/// of the rotation runbook; the target says what it changed, and keeps the runbook's progress durably.
/// </summary>
public interface ICredentialTarget : IDrillTarget
{
    /// <summary>The database owner the login roles act as.</summary>
    string Owner { get; }

    /// <summary>The login role of <paramref name="slot"/>.</summary>
    string LoginRole(string slot);

    /// <summary>The read-write endpoint as <paramref name="role"/> with <paramref name="password"/> (which may be wrong, on purpose).</summary>
    string ConnectionStringAs(string role, string password);

    /// <summary>What the application's Secret holds now: the active slot, its role and password.</summary>
    Task<ActiveLogin> ReadActiveLoginAsync(CancellationToken cancellationToken);

    /// <summary>The password the secret store holds for the login of <paramref name="slot"/>.</summary>
    Task<string> ReadLoginPasswordAsync(string slot, CancellationToken cancellationToken);

    /// <summary>Writes <paramref name="password"/> for the login of <paramref name="slot"/> to the secret store and allows the login; returns what changed.</summary>
    Task<string> WriteLoginPasswordAsync(string slot, string password, CancellationToken cancellationToken);

    /// <summary>Waits until PostgreSQL accepts <paramref name="password"/> for the login of <paramref name="slot"/>; returns what was observed.</summary>
    Task<string> WaitLoginAppliedAsync(string slot, string password, CancellationToken cancellationToken);

    /// <summary>Makes <paramref name="slot"/> the login the application's Secret holds, and waits until it does; returns what changed.</summary>
    Task<string> SwitchActiveLoginAsync(string slot, CancellationToken cancellationToken);

    /// <summary>Makes the application's own clients read the Secret again (a rolling restart); returns what changed.</summary>
    Task<string> ReloadClientsAsync(CancellationToken cancellationToken);

    /// <summary>Refuses new logins of <paramref name="slot"/> (<c>login: false</c>) and waits until PostgreSQL applied it; returns what changed.</summary>
    Task<string> DisableLoginAsync(string slot, CancellationToken cancellationToken);

    /// <summary>Sessions currently authenticated as <paramref name="role"/>, on the primary.</summary>
    Task<int> CountSessionsAsync(string role, CancellationToken cancellationToken);

    /// <summary>Ends every session authenticated as <paramref name="role"/> on the primary; returns how many.</summary>
    Task<int> TerminateSessionsAsync(string role, CancellationToken cancellationToken);

    /// <summary>The rotation in progress, or null when none is.</summary>
    Task<RotationState?> ReadRotationAsync(CancellationToken cancellationToken);

    /// <summary>Records <paramref name="state"/> durably (null: no rotation in progress); returns where it is kept.</summary>
    Task<string> WriteRotationAsync(RotationState? state, CancellationToken cancellationToken);
}
