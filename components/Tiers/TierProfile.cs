namespace PgPlatform.Components.Tiers;

/// <summary>What a tier requires and what it defaults to. Components read these numbers; they never branch on the tier.</summary>
public sealed record TierProfile
{
    /// <summary>The tier described.</summary>
    public required Tier Tier { get; init; }

    /// <summary>Label value, e.g. <c>production</c>.</summary>
    public required string Name { get; init; }

    /// <summary>
    /// Fewest instances the declaration and the contract (PGP001) allow. A tier whose minimum is 1 has nothing for PGP001
    /// to enforce: CNPG runs one instance when <c>spec.instances</c> is unset.
    /// </summary>
    public required int MinInstances { get; init; }

    /// <summary>Instances when the declaration says nothing.</summary>
    public required int DefaultInstances { get; init; }

    /// <summary>
    /// Spread instances across zones with a hard constraint, which the contract requires (PGP017): otherwise one zone
    /// outage can take every instance of the cluster.
    /// </summary>
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

    /// <summary>
    /// Whether the contract requires a memory limit on instances and workload containers (PGP008, PGP009): a container
    /// without one can take the node's memory and have its neighbours evicted, which a tier serving users cannot afford.
    /// </summary>
    public required bool RequireMemoryLimit { get; init; }

    /// <summary>Default PGDATA size.</summary>
    public required string StorageSize { get; init; }

    /// <summary>Storage class the tier's volumes use (created by the platform foundation).</summary>
    public required string StorageClass { get; init; }

    /// <summary>
    /// Azure disk SKU of the tier's storage class. Zone-redundant disks (<c>Premium_ZRS</c>) can be attached in another
    /// zone, so an instance whose zone fails comes back with its data; locally redundant ones cost less.
    /// </summary>
    public required string DiskSku { get; init; }

    /// <summary>
    /// Reclaim policy of the tier's storage class: <c>Retain</c> keeps a volume whose claim is deleted (a mistaken
    /// delete stays recoverable without a restore), <c>Delete</c> frees the disk of throwaway data.
    /// </summary>
    public required string VolumeReclaimPolicy { get; init; }

    /// <summary>
    /// SKU of the backup storage account a stack of this tier creates: zone-redundant (<c>Standard_ZRS</c>) keeps the
    /// backups readable when a zone fails, which is when they are needed most.
    /// </summary>
    public required string BackupStorageSku { get; init; }

    /// <summary>Workload replicas when the declaration says nothing: more than one keeps the application serving through a node drain or a rollout.</summary>
    public required int DefaultWorkloadReplicas { get; init; }

    /// <summary>The <c>severity</c> label of a database's alerts: <c>critical</c> pages someone, <c>warning</c> waits for working hours.</summary>
    public required string AlertSeverity { get; init; }

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

    /// <summary>
    /// How the tier's Clusters replicate when the stack says nothing (<c>pg-platform:replication</c>). A tier that loses no
    /// acknowledged write in a failover (production) is synchronous with <c>dataDurability: required</c>, which the
    /// contract enforces (PGP019); a tier of one instance cannot be synchronous (there is no standby to wait for).
    /// </summary>
    public required ReplicationDurability Replication { get; init; }

    /// <summary>
    /// Longest a restore from the object store may take (restore start to the first read-write query), projected to the
    /// declared storage size. The restore drill flags a projection over it.
    /// </summary>
    public required TimeSpan RtoBudget { get; init; }

    /// <summary>Most recent committed work a restore from the object store may lose. The restore drill flags an observed RPO over it.</summary>
    public required TimeSpan RpoBudget { get; init; }

    /// <summary>
    /// WAL files archived, or prefetched by a restore, in parallel (the Barman Cloud ObjectStore's
    /// <c>spec.configuration.wal.maxParallel</c>). One at a time, restore fetches about one 16 MB segment per process
    /// start (measured here: about 1.6 s each), so replay and, under sustained writes, archiving fall behind.
    /// </summary>
    public required int WalMaxParallel { get; init; }

    /// <summary>Cost-centre label value for this tier's resources.</summary>
    public required string CostClass { get; init; }

    // Drill scheduling (issue 16): how fresh a tier's recovery evidence must be.

    /// <summary>
    /// Evidence freshness objective: the longest a database of this tier may go without a passing drill (failover,
    /// restore, rotation, backup health). The nightly drills the databases nearest to (or past) it first, the fleet
    /// report and the <c>DrillEvidenceStale</c> alert measure every database against it. The tighter the tier, the more
    /// drill-hours per week each database costs (the <c>cost</c> command shows them).
    /// </summary>
    public required TimeSpan EvidenceObjective { get; init; }

    // Input bounds: what a stack file may ask of this tier (issue 14; README, "Limits").

    /// <summary>Most instances a declaration may ask for: beyond this a cluster only adds replication load and cost.</summary>
    public int MaxInstances { get; init; } = 9;

    /// <summary>Smallest data volume: PostgreSQL's initdb, WAL and a first checkpoint need room.</summary>
    public string MinStorageSize { get; init; } = "1Gi";

    /// <summary>Largest data volume: 32 TiB less 1 GiB is the largest Azure managed disk (P80 and Premium_ZRS, 32,767 GiB).</summary>
    public string MaxStorageSize { get; init; } = "32767Gi";

    /// <summary>Shortest time between two scheduled base backups: each is a full copy of the data to the object store.</summary>
    public TimeSpan MinBackupInterval { get; init; } = TimeSpan.FromHours(1);
}
