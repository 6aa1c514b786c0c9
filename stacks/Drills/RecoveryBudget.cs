namespace PgPlatform.Stacks.Drills;

/// <summary>What a declared database's tier allows a restore, and the storage size a restore must be fast enough for.</summary>
/// <param name="Tier">The tier's name.</param>
/// <param name="Rto">The tier's RTO budget.</param>
/// <param name="Rpo">The tier's RPO budget.</param>
/// <param name="DeclaredStorageBytes">The Cluster's declared PGDATA size: a full volume is what a real restore brings back.</param>
public sealed record RecoveryBudget(string Tier, TimeSpan Rto, TimeSpan Rpo, long DeclaredStorageBytes);
