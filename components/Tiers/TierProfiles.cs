using PgPlatform.Components.Model;

namespace PgPlatform.Components.Tiers;

/// <summary>The four tiers as data.</summary>
public static class TierProfiles
{
    /// <summary>Production: at least three instances across zones, PDB, daily backups, 30 days (14 to 30).</summary>
    public static readonly TierProfile Production = new()
    {
        Tier = Tier.Production, Name = "production", MinInstances = 3, DefaultInstances = 3,
        RequireZoneSpread = true, EnablePodDisruptionBudget = true,
        BackupSchedule = "0 0 3 * * *", RetentionDays = 30, MinRetentionDays = 14, MaxRetentionDays = 30,
        CpuRequest = "1", Memory = "2Gi", SetMemoryLimit = true, RequireMemoryLimit = true, StorageSize = "20Gi",
        StorageClass = "pgp-production", DiskSku = "Premium_ZRS", VolumeReclaimPolicy = "Retain", BackupStorageSku = "Standard_ZRS",
        DefaultWorkloadReplicas = 2, AlertSeverity = "critical", CostClass = "critical",
        Replication = ReplicationDurability.Synchronous,

        // A restore is the last resort after failover has failed: half an hour is what a user-facing service can stay
        // down within its incident budget. RPO 5 min is archive_timeout (AppDatabase): a segment may wait that long to
        // be archived, so a restore can lose up to it; synchronous replicas cover every other failure. Eight WAL files
        // at once keep replay from the store at local speed (bench: restore-wal) and archiving ahead of sustained writes.
        RtoBudget = TimeSpan.FromMinutes(30), RpoBudget = TimeSpan.FromMinutes(5), WalMaxParallel = 8,

        // Weekly: a production regression is found within a week, half the shortest recovery window (14 d), leaving a
        // week to fix it and prove it again before the last backup from before it expires.
        EvidenceObjective = TimeSpan.FromDays(7),
    };

    /// <summary>Staging: two instances, daily backups, 7 days (3 to 14).</summary>
    public static readonly TierProfile Staging = new()
    {
        Tier = Tier.Staging, Name = "staging", MinInstances = 2, DefaultInstances = 2,
        RequireZoneSpread = false, EnablePodDisruptionBudget = true,
        BackupSchedule = "0 0 3 * * *", RetentionDays = 7, MinRetentionDays = 3, MaxRetentionDays = 14,
        CpuRequest = "500m", Memory = "1Gi", SetMemoryLimit = true, RequireMemoryLimit = false, StorageSize = "10Gi",
        StorageClass = "pgp-staging", DiskSku = "Premium_LRS", VolumeReclaimPolicy = "Retain", BackupStorageSku = "Standard_LRS",
        DefaultWorkloadReplicas = 1, AlertSeverity = "warning", CostClass = "standard",

        // Two instances: with 'required', losing the one standby (a node drain) would stop every write; 'preferred' keeps
        // commits synchronous while the standby is healthy and keeps the stage writable while it is not.
        Replication = ReplicationDurability.Preferred,

        // Staging blocks releases, not users: two hours to restore; RPO is archive_timeout plus the archive's catch-up
        // under test load. Four parallel WAL files: half of production's object-store traffic.
        RtoBudget = TimeSpan.FromHours(2), RpoBudget = TimeSpan.FromMinutes(15), WalMaxParallel = 4,

        // Fortnightly: a stage matters when a release is tried on it, and drill capacity goes to production first.
        EvidenceObjective = TimeSpan.FromDays(14),
    };

    /// <summary>Development: one instance, daily backups, 3 days (1 to 7).</summary>
    public static readonly TierProfile Development = new()
    {
        Tier = Tier.Development, Name = "development", MinInstances = 1, DefaultInstances = 1,
        RequireZoneSpread = false, EnablePodDisruptionBudget = false,
        BackupSchedule = "0 0 2 * * *", RetentionDays = 3, MinRetentionDays = 1, MaxRetentionDays = 7,
        CpuRequest = "250m", Memory = "512Mi", SetMemoryLimit = false, RequireMemoryLimit = false, StorageSize = "5Gi",
        StorageClass = "pgp-development", DiskSku = "Premium_LRS", VolumeReclaimPolicy = "Delete", BackupStorageSku = "Standard_LRS",
        DefaultWorkloadReplicas = 1, AlertSeverity = "warning", CostClass = "low",
        Replication = ReplicationDurability.Asynchronous,

        // A development database may be back by the next working day's start; losing an hour of test data costs a re-run.
        RtoBudget = TimeSpan.FromHours(8), RpoBudget = TimeSpan.FromHours(1), WalMaxParallel = 2,

        // Monthly: development data is rebuilt rather than restored; the drill proves the template still recovers, at about a
        // quarter of production's drill-hours per database.
        EvidenceObjective = TimeSpan.FromDays(30),

        // Input bounds.
        MaxInstances = 3, MaxStorageSize = "1Ti",
    };

    /// <summary>Ephemeral: one instance for drills, hourly backups, 1 day.</summary>
    public static readonly TierProfile Ephemeral = new()
    {
        Tier = Tier.Ephemeral, Name = "ephemeral", MinInstances = 1, DefaultInstances = 1,
        RequireZoneSpread = false, EnablePodDisruptionBudget = false,
        BackupSchedule = "0 0 * * * *", RetentionDays = 1, MinRetentionDays = 1, MaxRetentionDays = 1,
        CpuRequest = "100m", Memory = "256Mi", SetMemoryLimit = false, RequireMemoryLimit = false, StorageSize = "1Gi",
        StorageClass = "pgp-ephemeral", DiskSku = "Premium_LRS", VolumeReclaimPolicy = "Delete", BackupStorageSku = "Standard_LRS",
        DefaultWorkloadReplicas = 1, AlertSeverity = "warning", CostClass = "throwaway", DeploysFoundation = false,
        EnableSuperuserAccess = true,

        // A drill stack takes its base environment's durability from the driver (pg-platform:replication), so that the
        // drills apply what the base tier declares; a stack that says nothing (a one-instance restore) is asynchronous.
        Replication = ReplicationDurability.Asynchronous,

        // Drill stacks restore the base environment's backups and measure how fast: they hold the production budget, so a
        // drill that would break production's incident budget is flagged, and restore with production's parallelism.
        RtoBudget = TimeSpan.FromMinutes(30), RpoBudget = TimeSpan.FromMinutes(5), WalMaxParallel = 8,

        // Drill stacks are the drills, never drilled themselves; the objective only keeps the data total.
        EvidenceObjective = TimeSpan.FromDays(30),

        // Input bounds.
        MaxInstances = 3, MaxStorageSize = "64Gi",
    };

    /// <summary>All tiers, in order.</summary>
    public static IReadOnlyList<TierProfile> All { get; } = [Production, Staging, Development, Ephemeral];

    /// <summary>The profile of <paramref name="tier"/>.</summary>
    public static TierProfile For(Tier tier) => All.Single(p => p.Tier == tier);

    /// <summary>Parses a tier name, failing with the list of valid names.</summary>
    public static TierProfile Parse(string name, string where)
    {
        return All.FirstOrDefault(p => p.Name == name)
            ?? throw new DeclarationException(
                $"{where}: unknown tier '{name}'",
                $"use one of {string.Join(", ", All.Select(p => p.Name))}");
    }
}
