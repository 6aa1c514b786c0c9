namespace PgPlatform.Stacks.Targets.Local.Monitoring;

/// <summary>What the monitoring needs from the target it runs in: processes started like the target's own, ports, file ownership.</summary>
/// <param name="Start">Starts a process (name, argv, environment) in the monitoring directory, as the target's run-as user.</param>
/// <param name="NextPort">A free loopback port.</param>
/// <param name="GiveToRunUser">Gives a directory (recursively) to the user the processes run as.</param>
internal sealed record MonitoringHost(
    Func<string, IReadOnlyList<string>, IReadOnlyDictionary<string, string>, IMonitoredProcess> Start,
    Func<int> NextPort,
    Func<string, CancellationToken, Task> GiveToRunUser);
