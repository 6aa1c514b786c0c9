namespace PgPlatform.Stacks.Targets;

/// <summary>What a failover drill kills on the primary.</summary>
public enum PrimaryKill
{
    /// <summary>The database server itself (kill -9 of the postmaster, or deleting the primary pod): the manager must fail over.</summary>
    Postmaster,

    /// <summary>The manager of the primary (Patroni, the instance manager) while PostgreSQL keeps running: the <c>kill-patroni</c> fault.</summary>
    Agent,
}
