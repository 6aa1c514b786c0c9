using PgPlatform.Stacks.Targets.Local.Monitoring;

namespace PgPlatform.Stacks.Targets.Local;

/// <summary>A <see cref="Daemon"/> of the local target as the monitoring sees its processes.</summary>
internal sealed class DaemonProcess(Daemon daemon) : IMonitoredProcess
{
    public string Name => daemon.Name;

    public bool HasExited => daemon.HasExited;

    public void Kill() => daemon.Kill();

    public string LogTail() => daemon.LogTail();
}
