namespace PgPlatform.Stacks.Targets.Local.Monitoring;

/// <summary>One member as the monitoring sees it: its name, the pod label its metrics carry, and how its exporter reaches it.</summary>
/// <param name="Member">The member's name.</param>
/// <param name="Pod">The pod label (the rules' <c>CLUSTER-N</c>).</param>
/// <param name="SocketDirectory">The directory of its PostgreSQL unix socket (trust authentication: no password in the exporter).</param>
/// <param name="PostgresPort">Its PostgreSQL port (names the socket file).</param>
internal sealed record MonitoredInstance(string Member, string Pod, string SocketDirectory, int PostgresPort);
