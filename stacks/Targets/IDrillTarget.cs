namespace PgPlatform.Stacks.Targets;

/// <summary>
/// A running PostgreSQL cluster that drills act on: the local Patroni cluster, or a CNPG cluster in
/// a Kubernetes namespace. Drills use only this and the capability interfaces, never a target's internals.
/// </summary>
public interface IDrillTarget : IAsyncDisposable
{
    /// <summary>The target's name in evidence (<c>local</c>, <c>kubernetes</c>).</summary>
    string Name { get; }

    /// <summary>What the evidence says about the platform under the cluster.</summary>
    TargetFacts Facts { get; }

    /// <summary>The application's read-write endpoint with its current credentials (a <c>*-rw</c> service, or a multi-host string with <c>target_session_attrs=read-write</c>).</summary>
    string ReadWriteConnectionString { get; }

    /// <summary>The same endpoint as the superuser, for drills that set up or verify data.</summary>
    string SuperuserReadWriteConnectionString { get; }

    /// <summary>Every member, each reachable directly (not through the read-write endpoint).</summary>
    IReadOnlyList<ClusterMember> Members { get; }
}
