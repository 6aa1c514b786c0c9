using System.Globalization;
using PgPlatform.Components.Tiers;

namespace PgPlatform.Stacks.Targets.Local;

/// <summary>
/// CNPG's <c>spec.postgresql.synchronous</c> as Patroni 3.0 (Debian's) settings. Sources: cloudnative-pg/cloudnative-pg
/// <c>docs/src/replication.md</c> (quorum <c>method: any</c> over <c>number</c> standbys; <c>dataDurability: required</c>
/// blocks writes while fewer standbys are healthy, <c>preferred</c> lets them go on; no stanza is asynchronous) and
/// patroni/patroni <c>docs/replication_modes.rst</c> (<c>synchronous_mode</c> makes commits wait for
/// <c>synchronous_node_count</c> standbys and promotes only a synchronous one; <c>synchronous_mode_strict</c> keeps
/// writes blocked when no standby is available instead of falling back to asynchronous).
/// <list type="bullet">
/// <item><c>required</c>: <c>synchronous_mode: true</c>, <c>synchronous_mode_strict: true</c>, node count = <c>number</c>.</item>
/// <item><c>preferred</c>: <c>synchronous_mode: true</c>, not strict, node count = <c>number</c>.</item>
/// <item>absent: <c>synchronous_mode: false</c>.</item>
/// </list>
/// One difference remains and is stated in evidence: CNPG's quorum lets any <c>number</c> standbys acknowledge
/// (<c>ANY n (...)</c>), Patroni 3.0 names the synchronous standbys (<c>n (a, b)</c>); both keep every acknowledged
/// commit on a standby that may be promoted, which is what the failover drill checks.
/// </summary>
public static class PatroniReplication
{
    /// <summary>The DCS lines (YAML, one setting a line) for <paramref name="replication"/>.</summary>
    public static string DcsSettings(ReplicationDurability replication)
    {
        ArgumentNullException.ThrowIfNull(replication);
        if (!replication.IsSynchronous)
        {
            return "synchronous_mode: false";
        }

        var strict = replication.DataDurability != ReplicationDurability.Preferred.DataDurability;
        return string.Create(CultureInfo.InvariantCulture,
            $"synchronous_mode: true\nsynchronous_mode_strict: {(strict ? "true" : "false")}\nsynchronous_node_count: {replication.Number}");
    }

    /// <summary>The mapping in words, for evidence.</summary>
    public static string Describe(ReplicationDurability replication)
    {
        ArgumentNullException.ThrowIfNull(replication);
        return replication.IsSynchronous
            ? string.Create(CultureInfo.InvariantCulture,
                $"{replication.Name} (CNPG method {ReplicationDurability.Method}, number {replication.Number}, dataDurability {replication.DataDurability}) as Patroni {DcsSettings(replication).Replace("\n", ", ", StringComparison.Ordinal)}")
            : $"{replication.Name} (no CNPG synchronous stanza) as Patroni synchronous_mode: false";
    }
}
