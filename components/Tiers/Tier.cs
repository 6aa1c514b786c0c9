namespace PgPlatform.Components.Tiers;

/// <summary>Service tiers; what each one means lives in <see cref="TierProfiles"/>, not in <c>if</c>s.</summary>
public enum Tier
{
    /// <summary>Full HA: three or more instances spread across zones, PDB, daily backups, 14 to 30 days retention.</summary>
    Production,

    /// <summary>Reduced HA: two instances.</summary>
    Staging,

    /// <summary>One instance allowed, short retention.</summary>
    Development,

    /// <summary>Short-lived stacks for drills: one instance, shortest retention.</summary>
    Ephemeral,
}
