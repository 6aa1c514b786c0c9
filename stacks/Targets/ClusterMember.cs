namespace PgPlatform.Stacks.Targets;

/// <summary>One member of the cluster, reachable directly.</summary>
/// <param name="Name">The member's name (Patroni member, pod name).</param>
/// <param name="ConnectionString">A superuser connection to this member alone.</param>
public sealed record ClusterMember(string Name, string ConnectionString);
