using Azure;
using Azure.Core;
using Azure.Storage.Blobs;
using PgPlatform.Stacks.Waits;

namespace PgPlatform.Stacks.Targets.Local;

/// <summary>
/// Azurite's blob service on a loopback port, holding the archive in one container. It can be stopped and
/// started again on the same port and data (the <c>object-store-down</c> fault); a graceful stop lets it
/// write its metadata first, so nothing archived before the stop is lost.
/// </summary>
internal sealed class Azurite
{
    /// <summary>Azurite's well-known development account and key (published in Azurite's documentation; it guards nothing).</summary>
    public const string Account = "devstoreaccount1";
    private const string Key = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private const string WrongKey = "d3JvbmctcGctcGxhdGZvcm0tZHJpbGwta2V5LXRoYXQtYXp1cml0ZS1yZWZ1c2VzLWZvci1zdXJlISEhISEhIQ==";

    private readonly string _launcher;
    private readonly string _root;
    private readonly RunAs _runAs;
    private Daemon? _daemon;

    public Azurite(string launcher, string root, int port, string container, RunAs runAs)
    {
        _launcher = launcher;
        _root = root;
        _runAs = runAs;
        Port = port;
        Container = container;
    }

    public int Port { get; }

    public string Container { get; }

    /// <summary>The barman-cloud destination URL of the container.</summary>
    public string DestinationUrl => $"http://127.0.0.1:{Port}/{Account}/{Container}";

    /// <summary>The connection string barman-cloud reads from <c>AZURE_STORAGE_CONNECTION_STRING</c>; with <paramref name="wrongKey"/>, one Azurite refuses.</summary>
    public string ConnectionString(bool wrongKey = false) =>
        $"DefaultEndpointsProtocol=http;AccountName={Account};AccountKey={(wrongKey ? WrongKey : Key)};BlobEndpoint=http://127.0.0.1:{Port}/{Account};";

    public bool Running => _daemon is { HasExited: false };

    /// <summary>
    /// Starts the blob service and waits until the container exists. Telemetry is off: Azurite would otherwise send
    /// usage data and leave <c>appInsights-node*</c> directories in the temp directory
    /// (.tools/azurite/node_modules/azurite/dist/src/blob/main.js: <c>AzuriteTelemetryClient.init(location, !env.disableTelemetry(), env)</c>).
    /// </summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var data = Path.Combine(_root, "azurite");
        Directory.CreateDirectory(data);
        await _runAs.GiveAsync(data, cancellationToken);
        _daemon = Daemon.Start("azurite", [_launcher, "--blobHost", "127.0.0.1", "--blobPort", $"{Port}", "--location", data, "--skipApiVersionCheck", "--loose", "--disableTelemetry"], _root, Path.Combine(_root, "azurite.log"), _runAs, new Dictionary<string, string>());
        await Waiting.UntilAsync($"Azurite on port {Port}", TimeSpan.FromSeconds(30), async ct =>
        {
            if (_daemon.HasExited)
            {
                throw new TargetUnavailableException($"Azurite exited at start: {_daemon.LogTail()}");
            }

            try
            {
                await Client().CreateIfNotExistsAsync(cancellationToken: ct);
                return true;
            }
            catch (Exception e) when (e is RequestFailedException or HttpRequestException or AggregateException)
            {
                return false;
            }
        }, cancellationToken);
    }

    /// <summary>Stops the blob service gracefully (SIGTERM), so its metadata is on disk for a restart.</summary>
    public void Stop()
    {
        _daemon?.Signal(NativeMethods.SigTerm);
        if (_daemon is { HasExited: false })
        {
            _daemon.Kill();
        }
    }

    /// <summary>The container as the drill tooling sees it (wrong credentials included, when asked).</summary>
    public BlobContainerClient Client(bool wrongKey = false)
    {
        // Fail fast: a drill that waits for a store that is down must not wait for SDK back-off.
        var options = new BlobClientOptions { Retry = { MaxRetries = 1, Delay = TimeSpan.FromMilliseconds(200), NetworkTimeout = TimeSpan.FromSeconds(5), Mode = RetryMode.Fixed } };
        return new BlobContainerClient(ConnectionString(wrongKey), Container, options);
    }

    public void Kill() => _daemon?.Kill();
}
