using Azure.Storage.Blobs;
using PgPlatform.Stacks.Nightly.EvidenceStore;
using PgPlatform.Stacks.Targets;
using PgPlatform.Stacks.Targets.Local;

namespace PgPlatform.Stacks.Sessions;

/// <summary>
/// The evidence store of <c>nightly --target local</c> when none is given: Azurite's blob service on a loopback port for
/// the run, its data in a directory that outlives it (<c>&lt;--out&gt;/evidence-store</c>), so the next run reads this one's
/// evidence. Records go through the same <see cref="BlobEvidenceStore"/> as on Azure, into container
/// <see cref="NightlyEvidence.Container"/>. Disposing stops Azurite gracefully (SIGTERM: its metadata reaches the disk);
/// the data stays.
/// </summary>
public sealed class LocalEvidenceStore : IAsyncDisposable
{
    private readonly Azurite _azurite;

    private LocalEvidenceStore(Azurite azurite, string directory)
    {
        _azurite = azurite;
        Directory = directory;
        Store = new BlobEvidenceStore(new BlobContainerClient(azurite.ConnectionString(), NightlyEvidence.Container), $"azurite://{directory}/{NightlyEvidence.Container}");
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
    }

    /// <summary>The directory holding Azurite's data (<c>azurite/</c>) and log (<c>azurite.log</c>).</summary>
    public string Directory { get; }

    /// <summary>The store; its location names the directory, not Azurite's port (which changes from run to run).</summary>
    public IEvidenceStore Store { get; }

    /// <summary>
    /// Pids of Azurites an earlier run left serving this directory (a nightly that was SIGKILLed never stops its own), ended
    /// before this one started. The caller holds the directory's run lock, so none of them can be in use.
    /// </summary>
    public IReadOnlyList<int> Swept { get; private set; } = [];

    /// <summary>True while Azurite runs.</summary>
    public bool Running => _azurite.Running;

    /// <summary>
    /// Starts Azurite (<see cref="LocalTargetOptions.AzuriteBlobPath"/> or the one scripts/install-prereqs.sh installs) on the
    /// data in <paramref name="directory"/> (created if missing) and waits until the evidence container exists. Throws
    /// <see cref="TargetUnavailableException"/> when Azurite is missing or does not start.
    /// </summary>
    public static async Task<LocalEvidenceStore> StartAsync(string directory, LocalTargetOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        directory = Path.GetFullPath(directory);
        var launcher = options.AzuriteLauncher;
        if (!File.Exists(launcher))
        {
            throw new TargetUnavailableException($"nightly evidence store: missing prerequisite: Azurite ({launcher}). Install with: {TargetUnavailableException.InstallCommand}");
        }

        System.IO.Directory.CreateDirectory(directory);
        var swept = EndLeftovers(Path.Combine(directory, "azurite"));
        // Run as the driver itself: the data belongs with the report in --out, not to the user PostgreSQL runs as.
        var azurite = new Azurite(launcher, directory, PortAllocator.Next(), NightlyEvidence.Container, new RunAs(null));
        var store = new LocalEvidenceStore(azurite, directory) { Swept = swept };
        try
        {
            await azurite.StartAsync(cancellationToken);
            return store;
        }
        catch
        {
            await store.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stops Azurite; the data stays in <see cref="Directory"/>. Safe to call more than once.</summary>
    public ValueTask DisposeAsync()
    {
        _azurite.Stop();
        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        return ValueTask.CompletedTask;
    }

    private void OnProcessExit(object? sender, EventArgs e) => _azurite.Stop();

    /// <summary>Ends (SIGKILL) every process whose command line serves <paramref name="data"/> (<c>--location DATA</c>) and waits until they are gone.</summary>
    private static List<int> EndLeftovers(string data)
    {
        var needle = $"\0--location\0{data}\0";
        var found = new List<int>();
        foreach (var entry in System.IO.Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(entry), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var pid) || pid == Environment.ProcessId)
            {
                continue;
            }

            try
            {
                if (File.ReadAllText(Path.Combine(entry, "cmdline")).Contains(needle, StringComparison.Ordinal))
                {
                    found.Add(pid);
                    NativeMethods.Signal(pid, NativeMethods.SigKill);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The process ended while we looked, or is not ours to inspect.
            }
        }

        var deadline = DateTimeOffset.UtcNow.AddSeconds(10);
        while (found.Any(NativeMethods.IsAlive) && DateTimeOffset.UtcNow < deadline)
        {
            Thread.Sleep(50);
        }

        return found;
    }
}
