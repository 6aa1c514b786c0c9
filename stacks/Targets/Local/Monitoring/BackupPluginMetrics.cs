using System.Globalization;
using System.Net;
using System.Text;
using PgPlatform.Components.Vocabulary;

namespace PgPlatform.Stacks.Targets.Local.Monitoring;

/// <summary>
/// The Barman Cloud plugin's metrics for the local target. The plugin exports, per instance, three gauges from its
/// ObjectStore's recorded status (cloudnative-pg/plugin-barman-cloud internal/cnpgi/instance/metrics.go: names are
/// the plugin name with <c>.</c> and <c>-</c> as <c>_</c>, then <c>first_recoverability_point</c>,
/// <c>last_available_backup_timestamp</c>, <c>last_failed_backup_timestamp</c>; 0 while nothing is recorded). Here
/// the status is recorded the same way: after every scheduled backup attempt, the successful times are read from
/// the object store (the local blob store) and a failed attempt records its time. A store that does not answer keeps the last
/// recorded values, as the plugin's status does.
/// </summary>
internal sealed class BackupPluginMetrics : IDisposable
{
    private static readonly string Prefix = BarmanCloudApi.PluginName.Replace('.', '_').Replace('-', '_');
    private readonly string _namespace;
    private readonly IReadOnlyList<string> _pods;
    private readonly LoopbackListener _listener;
    private readonly Lock _gate = new();
    private double _firstRecoverability;
    private double _lastAvailable;
    private double _lastFailed;

    public BackupPluginMetrics(int port, string ns, IReadOnlyList<string> pods)
    {
        _namespace = ns;
        _pods = pods;
        _listener = new LoopbackListener(port, ServeAsync);
    }

    public int Port => _listener.Port;

    /// <summary>Records what the object store lists (oldest and newest finished backup).</summary>
    public void RecordListing(IReadOnlyList<BackupInfo> backups)
    {
        lock (_gate)
        {
            _firstRecoverability = backups.Count == 0 ? 0 : backups[0].EndTime.ToUnixTimeSeconds();
            _lastAvailable = backups.Count == 0 ? 0 : backups[^1].EndTime.ToUnixTimeSeconds();
        }
    }

    /// <summary>Records a failed backup attempt at <paramref name="at"/>.</summary>
    public void RecordFailure(DateTimeOffset at)
    {
        lock (_gate)
        {
            _lastFailed = at.ToUnixTimeSeconds();
        }
    }

    /// <summary>The exposition text a scrape gets.</summary>
    public string Exposition()
    {
        double first, available, failed;
        lock (_gate)
        {
            (first, available, failed) = (_firstRecoverability, _lastAvailable, _lastFailed);
        }

        var text = new StringBuilder();
        foreach (var (name, value) in new[] { ("first_recoverability_point", first), ("last_available_backup_timestamp", available), ("last_failed_backup_timestamp", failed) })
        {
            text.Append(CultureInfo.InvariantCulture, $"# TYPE {Prefix}_{name} gauge\n");
            foreach (var pod in _pods)
            {
                text.Append(CultureInfo.InvariantCulture, $"{Prefix}_{name}{{namespace=\"{_namespace}\",pod=\"{pod}\"}} {value}\n");
            }
        }

        return text.ToString();
    }

    public void Dispose() => _listener.Dispose();

    private async Task ServeAsync(HttpListenerContext context)
    {
        var body = Encoding.UTF8.GetBytes(Exposition());
        context.Response.ContentType = "text/plain; version=0.0.4";
        context.Response.StatusCode = 200;
        await context.Response.OutputStream.WriteAsync(body);
    }
}
