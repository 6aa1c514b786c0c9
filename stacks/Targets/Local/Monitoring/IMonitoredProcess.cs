namespace PgPlatform.Stacks.Targets.Local.Monitoring;

/// <summary>A process of the monitoring (exporter, Prometheus, Alertmanager), as the target that started it exposes it.</summary>
internal interface IMonitoredProcess
{
    /// <summary>Short name for errors.</summary>
    string Name { get; }

    /// <summary>True once it has exited.</summary>
    bool HasExited { get; }

    /// <summary>Kills it and waits (bounded) for the exit.</summary>
    void Kill();

    /// <summary>The end of its log, for errors.</summary>
    string LogTail();
}
