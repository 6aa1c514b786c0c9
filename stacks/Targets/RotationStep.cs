namespace PgPlatform.Stacks.Targets;

/// <summary>The steps of a login rotation, in order; a recorded step is done.</summary>
public enum RotationStep
{
    /// <summary>Started: nothing changed yet.</summary>
    Started,

    /// <summary>The inactive login's new password is in the secret store and the login is allowed.</summary>
    PasswordWritten,

    /// <summary>PostgreSQL accepts the new password.</summary>
    PasswordApplied,

    /// <summary>The application's Secret holds the new login.</summary>
    Switched,

    /// <summary>Clients reloaded (rolling restart, pool reload).</summary>
    ClientsReloaded,

    /// <summary>A new login authenticated as the new role and acted as the owner.</summary>
    Verified,

    /// <summary>The old login is disabled.</summary>
    OldDisabled,

    /// <summary>The old login's remaining sessions are ended.</summary>
    SessionsTerminated,
}
