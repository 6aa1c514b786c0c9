using System.Globalization;
using PgPlatform.Stacks.Waits;

namespace PgPlatform.Stacks.Targets.Local.Monitoring;

/// <summary>
/// The monitoring of the local target, standing in for what the stack deploys on Kubernetes: one Debian
/// postgres_exporter per member with CNPG's metric names (<see cref="CnpgQueries"/>) labelled with the member's pod
/// and namespace, the Barman Cloud plugin's metrics (<see cref="BackupPluginMetrics"/>), Debian's Prometheus
/// loading the stack's rule files unchanged, Debian's Alertmanager, and a webhook receiver in the driver. Every
/// process runs in the target's run directory, so the target's teardown ends it too.
/// </summary>
internal sealed class LocalMonitoring : IAlertMonitoring
{
    /// <summary>Debian's binaries (packages prometheus, prometheus-alertmanager, prometheus-postgres-exporter).</summary>
    public static readonly IReadOnlyDictionary<string, string> Programs = new Dictionary<string, string>
    {
        ["/usr/bin/prometheus"] = "prometheus",
        ["/usr/bin/prometheus-alertmanager"] = "prometheus-alertmanager",
        ["/usr/bin/prometheus-postgres-exporter"] = "prometheus-postgres-exporter",
    };

    private readonly Dictionary<string, (MonitoredInstance Instance, IMonitoredProcess Process)> _exporters = [];
    private readonly List<IMonitoredProcess> _processes = [];
    private readonly Func<CancellationToken, Task<BackupInfo>> _backup;
    private readonly Func<CancellationToken, Task<IReadOnlyList<BackupInfo>>> _list;
    private WebhookReceiver? _receiver;
    private BackupPluginMetrics? _plugin;
    private PrometheusClient? _prometheus;
    private IMonitoredProcess? _alertmanager;
    private int _alertmanagerPort;

    private LocalMonitoring(Func<CancellationToken, Task<BackupInfo>> backup, Func<CancellationToken, Task<IReadOnlyList<BackupInfo>>> list) =>
        (_backup, _list) = (backup, list);

    /// <inheritdoc />
    public string Description { get; private set; } = "";

    /// <inheritdoc />
    public TimeSpan DeliveryMargin => TimeSpan.FromSeconds(60);

    /// <inheritdoc />
    public IReadOnlyList<AlertDelivery> Deliveries => _receiver?.Deliveries ?? [];

    /// <summary>Starts everything in <paramref name="directory"/> and waits until Prometheus scrapes every instance and has loaded every rule group.</summary>
    public static async Task<LocalMonitoring> StartAsync(string directory, MonitoringHost host, AlertRules rules, IReadOnlyList<MonitoredInstance> instances,
        Func<CancellationToken, Task<BackupInfo>> backup, Func<CancellationToken, Task<IReadOnlyList<BackupInfo>>> list, CancellationToken cancellationToken)
    {
        if (Programs.FirstOrDefault(p => !File.Exists(p.Key)) is { Key: not null } missing)
        {
            throw new TargetUnavailableException($"{missing.Key} is missing: install Debian's {missing.Value} package (bash scripts/install-prereqs.sh installs it)");
        }

        var monitoring = new LocalMonitoring(backup, list);
        try
        {
            await monitoring.StartComponentsAsync(directory, host, rules, instances, cancellationToken);
            return monitoring;
        }
        catch
        {
            await monitoring.DisposeAsync();
            throw;
        }
    }

    /// <inheritdoc />
    public string PodOf(ClusterMember member) => _exporters.TryGetValue(member.Name, out var e) ? e.Instance.Pod : throw new ArgumentException($"no member {member.Name}", nameof(member));

    /// <inheritdoc />
    public Task<IReadOnlyList<ActiveAlert>> ActiveAlertsAsync(CancellationToken cancellationToken) => Prometheus.AlertsAsync(cancellationToken);

    /// <inheritdoc />
    public async Task<string?> DeliveryProblemAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        try
        {
            using var response = await http.GetAsync(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{_alertmanagerPort}/-/healthy"), cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return $"Alertmanager on 127.0.0.1:{_alertmanagerPort} answers its health check with {(int)response.StatusCode}";
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return $"Alertmanager on 127.0.0.1:{_alertmanagerPort} does not answer ({e.Message})";
        }

        return await Prometheus.ActiveAlertmanagersAsync(cancellationToken) == 0 ? "Prometheus has no active Alertmanager to send to" : null;
    }

    /// <inheritdoc />
    public void StopExporter(ClusterMember member) => _exporters[member.Name].Process.Kill();

    /// <inheritdoc />
    public void StopAlertmanager() => _alertmanager?.Kill();

    /// <inheritdoc />
    public async Task<bool> RunScheduledBackupAsync(CancellationToken cancellationToken)
    {
        bool succeeded;
        try
        {
            await _backup(cancellationToken);
            succeeded = true;
        }
        catch (ObjectStoreException)
        {
            _plugin!.RecordFailure(DateTimeOffset.UtcNow);
            succeeded = false;
        }

        await RefreshListingAsync(cancellationToken);
        return succeeded;
    }

    public ValueTask DisposeAsync()
    {
        foreach (var process in _processes)
        {
            process.Kill();
        }

        _receiver?.Dispose();
        _plugin?.Dispose();
        _prometheus?.Dispose();
        return ValueTask.CompletedTask;
    }

    private PrometheusClient Prometheus => _prometheus ?? throw new InvalidOperationException("Prometheus is not started");

    private async Task RefreshListingAsync(CancellationToken cancellationToken)
    {
        try
        {
            _plugin!.RecordListing(await _list(cancellationToken));
        }
        catch (ObjectStoreException)
        {
            // The store does not answer: the recorded status stays what it was.
        }
    }

    private async Task StartComponentsAsync(string directory, MonitoringHost host, AlertRules rules, IReadOnlyList<MonitoredInstance> instances, CancellationToken cancellationToken)
    {
        var ruleDirectory = Directory.CreateDirectory(Path.Combine(directory, "rules")).FullName;
        foreach (var (name, yaml) in rules.Files)
        {
            await File.WriteAllTextAsync(Path.Combine(ruleDirectory, name), yaml, cancellationToken);
        }

        var queries = Path.Combine(directory, "cnpg-queries.yaml");
        await File.WriteAllTextAsync(queries, CnpgQueries.File + "\n", cancellationToken);
        _receiver = new WebhookReceiver(host.NextPort());
        _plugin = new BackupPluginMetrics(host.NextPort(), rules.Namespace, [.. instances.Select(i => i.Pod)]);
        await RefreshListingAsync(cancellationToken);

        var exporterPorts = instances.Select(i => (Instance: i, Port: host.NextPort())).ToList();
        _alertmanagerPort = host.NextPort();
        var prometheusPort = host.NextPort();
        await File.WriteAllTextAsync(Path.Combine(directory, "prometheus.yml"),
            MonitoringConfiguration.Prometheus(rules.Namespace, exporterPorts, _plugin.Port, _alertmanagerPort, Path.Combine(ruleDirectory, "*.yaml")), cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(directory, "alertmanager.yml"), MonitoringConfiguration.Alertmanager(_receiver.Port), cancellationToken);
        Directory.CreateDirectory(Path.Combine(directory, "prometheus-data"));
        Directory.CreateDirectory(Path.Combine(directory, "alertmanager-data"));
        await host.GiveToRunUser(directory, cancellationToken);

        foreach (var (instance, port) in exporterPorts)
        {
            // Trust on the member's unix socket: the exporter holds no password.
            var dsn = string.Create(CultureInfo.InvariantCulture, $"host={instance.SocketDirectory} port={instance.PostgresPort} user=postgres dbname=postgres sslmode=disable");
            var process = Start(host, $"exporter-{instance.Member}",
                ["/usr/bin/prometheus-postgres-exporter", $"--web.listen-address=127.0.0.1:{port}", "--disable-default-metrics", "--disable-settings-metrics", $"--extend.query-path={queries}"],
                new Dictionary<string, string> { ["DATA_SOURCE_NAME"] = dsn });
            _exporters[instance.Member] = (instance, process);
        }

        _alertmanager = Start(host, "alertmanager",
            ["/usr/bin/prometheus-alertmanager", $"--config.file={Path.Combine(directory, "alertmanager.yml")}", $"--storage.path={Path.Combine(directory, "alertmanager-data")}",
             $"--web.listen-address=127.0.0.1:{_alertmanagerPort}", "--cluster.listen-address="], new Dictionary<string, string>());
        Start(host, "prometheus",
            ["/usr/bin/prometheus", $"--config.file={Path.Combine(directory, "prometheus.yml")}", $"--storage.tsdb.path={Path.Combine(directory, "prometheus-data")}",
             $"--web.listen-address=127.0.0.1:{prometheusPort}"], new Dictionary<string, string>());
        _prometheus = new PrometheusClient(prometheusPort);

        var groups = rules.Files.Count;
        await Waiting.UntilAsync("Prometheus scraping every instance with the stack's rules loaded and Alertmanager active", TimeSpan.FromSeconds(60), async ct =>
        {
            if (_processes.FirstOrDefault(d => d.HasExited) is { } dead)
            {
                throw new TargetUnavailableException($"{dead.Name} exited at start: {dead.LogTail()}");
            }

            try
            {
                return await _prometheus.QueryAsync($"count(cnpg_collector_up{{namespace=\"{rules.Namespace}\"}} == 1)", ct) == instances.Count
                    && await _prometheus.QueryAsync($"count(up{{job=\"{MonitoringConfiguration.BackupJob}\"}} == 1)", ct) == 1
                    && (await _prometheus.RuleGroupsAsync(ct)).Count >= groups
                    && await DeliveryProblemAsync(ct) is null;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                return false;
            }
        }, cancellationToken, TimeSpan.FromMilliseconds(500));

        Description = string.Create(CultureInfo.InvariantCulture,
            $"Prometheus 127.0.0.1:{prometheusPort} (scrape and evaluation every {MonitoringConfiguration.Interval.TotalSeconds:0} s, rules of stack {rules.Stack}: {string.Join(", ", rules.Files.Keys)}), Alertmanager 127.0.0.1:{_alertmanagerPort} (group_wait {MonitoringConfiguration.GroupWait.TotalSeconds:0} s), receiver 127.0.0.1:{_receiver.Port}, exporters {string.Join(", ", exporterPorts.Select(e => $"{e.Instance.Member} as pod {e.Instance.Pod}"))}");
    }

    private IMonitoredProcess Start(MonitoringHost host, string name, IReadOnlyList<string> argv, IReadOnlyDictionary<string, string> environment)
    {
        var process = host.Start(name, argv, environment);
        _processes.Add(process);
        return process;
    }
}
