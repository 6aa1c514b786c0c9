namespace PgPlatform.Stacks.Drills;

/// <summary>A fault a run injects into the drills it affects (see <see cref="DrillNames.Affected"/>).</summary>
public enum Fault
{
    /// <summary>No fault.</summary>
    None,

    /// <summary>An archived WAL segment after the base backup disappears from the object store.</summary>
    WalGap,

    /// <summary>The object store stops answering (after the base backup, before recovery fetches WAL).</summary>
    ObjectStoreDown,

    /// <summary>The drill's backup and restore tooling holds object-store credentials the store refuses.</summary>
    WrongCredentials,

    /// <summary>The failover drill kills the primary's Patroni instead of its postmaster: PostgreSQL keeps running unmanaged.</summary>
    KillPatroni,

    /// <summary>The rotation drill's application stand-in never reloads its pool: its sessions keep the old login.</summary>
    StaleClient,
}
