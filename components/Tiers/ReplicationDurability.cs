namespace PgPlatform.Components.Tiers;

/// <summary>
/// How a Cluster replicates: CNPG 1.30's <c>spec.postgresql.synchronous</c> (quorum <c>method: any</c> over
/// <see cref="Number"/> standbys, with <see cref="DataDurability"/>), or asynchronously, which is what CNPG does when the
/// stanza is absent and which can lose acknowledged writes in a failover. Facts from cloudnative-pg/cloudnative-pg
/// <c>config/crd/bases/postgresql.cnpg.io_clusters.yaml</c> (v1.30.0, <c>spec.postgresql.synchronous</c>) and
/// <c>docs/src/replication.md</c>: with <c>required</c>, writes block while fewer than <c>number</c> standbys are healthy;
/// with <c>preferred</c>, the required number follows the healthy standbys, so writes go on when they are gone.
/// </summary>
/// <param name="Name">The setting value naming this durability (<c>pg-platform:replication</c>).</param>
/// <param name="Number">Standbys a commit waits for; 0 for asynchronous replication.</param>
/// <param name="DataDurability">CNPG's <c>dataDurability</c>: <c>required</c> or <c>preferred</c>; null for asynchronous replication.</param>
public sealed record ReplicationDurability(string Name, int Number, string? DataDurability)
{
    /// <summary>CNPG's quorum method: any <see cref="Number"/> standbys acknowledge, so no one standby is special.</summary>
    public const string Method = "any";

    /// <summary>Every commit waits for one standby, and writes stop rather than be acknowledged by the primary alone.</summary>
    public static readonly ReplicationDurability Synchronous = new("synchronous", 1, "required");

    /// <summary>Every commit waits for one standby while one is healthy; without one, writes go on unprotected.</summary>
    public static readonly ReplicationDurability Preferred = new("synchronous-preferred", 1, "preferred");

    /// <summary>No commit waits for a standby (CNPG's default): a failover can lose the writes the standby had not received.</summary>
    public static readonly ReplicationDurability Asynchronous = new("asynchronous", 0, null);

    /// <summary>Every durability, strongest first.</summary>
    public static IReadOnlyList<ReplicationDurability> All { get; } = [Synchronous, Preferred, Asynchronous];

    /// <summary>
    /// The durability a Cluster's <c>spec.postgresql.synchronous</c> declares: asynchronous when the stanza is absent
    /// (<paramref name="number"/> null), else the named durability of that number and <c>dataDurability</c> (CNPG's default
    /// <c>required</c>), or one named after the stanza when none matches.
    /// </summary>
    public static ReplicationDurability FromSynchronous(string? method, int? number, string? dataDurability)
    {
        if (number is not { } standbys)
        {
            return Asynchronous;
        }

        var durability = dataDurability ?? "required";
        return All.FirstOrDefault(d => d.Number == standbys && d.DataDurability == durability)
            ?? new ReplicationDurability($"synchronous ({method} {standbys}, {durability})", standbys, durability);
    }

    /// <summary>True when commits wait for standbys.</summary>
    public bool IsSynchronous => Number > 0;

    /// <summary>Fewest instances a Cluster with this durability can run: CNPG refuses a <c>number</c> that is not below <c>instances</c>.</summary>
    public int MinInstances => Number + 1;
}
