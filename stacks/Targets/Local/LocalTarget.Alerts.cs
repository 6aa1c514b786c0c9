using PgPlatform.Stacks.Targets.Local.Monitoring;

namespace PgPlatform.Stacks.Targets.Local;

/// <summary>The alerts side of the local target: the monitoring stand-ins and stopping a member.</summary>
public sealed partial class LocalTarget : IAlertTarget
{
    /// <inheritdoc />
    public AlertRules? AlertRules { get; set; }

    /// <inheritdoc />
    public async Task<IAlertMonitoring> StartMonitoringAsync(CancellationToken cancellationToken)
    {
        var rules = AlertRules ?? throw new InvalidOperationException("no alert rules are deployed with the local target: the alerts drill loads the stack's PrometheusRules (drill --target local --drill alerts does)");
        if (rules.Instances != _members.Count)
        {
            throw new InvalidOperationException($"stack '{rules.Stack}' declares {rules.Instances} instance(s) for cluster {rules.Cluster}, the local target runs {_members.Count}: its HA rules would not match; choose a stack whose database has {_members.Count} instances (--stack prod)");
        }

        var directory = Path.Combine(_run.Path, $"monitoring-{Guid.NewGuid().ToString("N")[..6]}");
        Directory.CreateDirectory(directory);
        // member-N is instance N: its metrics carry the pod label CNPG would give instance N of the declared Cluster.
        var instances = _members.Select((m, i) => new MonitoredInstance(m.Name, rules.Pod(i + 1), m.Directory, m.PostgresPort)).ToList();
        var host = new MonitoringHost(
            (name, argv, environment) => new DaemonProcess(Daemon.Start(name, argv, directory, Path.Combine(directory, name + ".log"), _runAs, environment)),
            PortAllocator.Next,
            _runAs.GiveAsync);
        return await LocalMonitoring.StartAsync(directory, host, rules, instances, BackupAsync, ListBackupsAsync, cancellationToken);
    }

    /// <inheritdoc />
    public async Task StopMemberAsync(ClusterMember member, CancellationToken cancellationToken)
    {
        var patroni = _members.Single(m => m.Name == member.Name);
        // Patroni first (it would restart PostgreSQL), then an immediate shutdown (SIGQUIT) of the postmaster it leaves running: a smart one would wait for the exporter's session.
        patroni.KillPatroni();
        if (patroni.PostmasterPid() is { } pid)
        {
            NativeMethods.Signal(pid, NativeMethods.SigQuit);
            await Waits.Waiting.UntilAsync($"{member.Name}'s PostgreSQL to stop", TimeSpan.FromSeconds(30), _ => Task.FromResult(patroni.PostmasterPid() is null), cancellationToken);
        }
    }
}
