namespace PgPlatform.Components.Tiers;

/// <summary>What a tier requires and what it defaults to. Components read these numbers; they never branch on the tier.</summary>
public sealed record TierProfile
{
    /// <summary>The tier described.</summary>
    public required Tier Tier { get; init; }

    /// <summary>Label value, e.g. <c>production</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Fewest instances the contract allows.</summary>
    public required int MinInstances { get; init; }

    /// <summary>Instances when the declaration says nothing.</summary>
    public required int DefaultInstances { get; init; }

    /// <summary>Spread instances across zones with a hard constraint.</summary>
    public required bool RequireZoneSpread { get; init; }

    /// <summary>Let the operator keep a PodDisruptionBudget.</summary>
    public required bool EnablePodDisruptionBudget { get; init; }

    /// <summary>Default base-backup schedule (six-field cron, seconds first).</summary>
    public required string BackupSchedule { get; init; }

    /// <summary>Default recovery window in days.</summary>
    public required int RetentionDays { get; init; }

    /// <summary>Smallest recovery window a declaration may ask for.</summary>
    public required int MinRetentionDays { get; init; }

    /// <summary>Largest recovery window a declaration may ask for.</summary>
    public required int MaxRetentionDays { get; init; }

    /// <summary>Default CPU request per instance.</summary>
    public required string CpuRequest { get; init; }

    /// <summary>Default memory request (and limit) per instance.</summary>
    public required string Memory { get; init; }

    /// <summary>Whether a memory limit is set on instances.</summary>
    public required bool SetMemoryLimit { get; init; }

    /// <summary>Default PGDATA size.</summary>
    public required string StorageSize { get; init; }

    /// <summary>Storage class the tier's volumes use (created by the platform foundation).</summary>
    public required string StorageClass { get; init; }

    /// <summary>
    /// Whether a stack of this tier owns its cluster's day-0 foundation. Default: true. Stacks of a tier that
    /// does not (ephemeral drill stacks) onboard their databases against the base environment's existing
    /// day-0 resources, named by the stack's settings: each database gets its own container, identity and
    /// ServiceAccount there, so destroying the stack never removes shared operators, vaults or policies.
    /// </summary>
    public bool DeploysFoundation { get; init; } = true;

    /// <summary>
    /// Whether CNPG keeps a <c>postgres</c> superuser login (<c>spec.enableSuperuserAccess</c>, secret
    /// <c>&lt;cluster&gt;-superuser</c>). Default: false, CNPG's default. Drill clusters need it: switching WAL
    /// (<c>pg_switch_wal()</c>) and checking what every member acknowledged are superuser work.
    /// </summary>
    public bool EnableSuperuserAccess { get; init; }

    /// <summary>Cost-centre label value for this tier's resources.</summary>
    public required string CostClass { get; init; }
}
