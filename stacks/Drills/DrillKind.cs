namespace PgPlatform.Stacks.Drills;

/// <summary>The drills, in the order a run performs them.</summary>
public enum DrillKind
{
    /// <summary>Kill the primary under a steady writer; measure promotion, write gap and lost commits.</summary>
    Failover,

    /// <summary>Back up, keep writing, restore (latest and point in time) and compare with the source.</summary>
    Restore,

    /// <summary>Rotate the application password; the new one works, the old one is refused.</summary>
    Rotation,

    /// <summary>Newest base backup age, WAL archive continuity, object store reachability.</summary>
    Backup,

    /// <summary>
    /// Faults injected under the stack's own alert rules in a real Prometheus and Alertmanager; each alert must reach
    /// the receiver within its declared <c>for</c> plus a margin. Local target only; opt-in (about 12 minutes).
    /// </summary>
    Alerts,
}
