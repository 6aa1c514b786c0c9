using System.Text.Json;
using PgPlatform.Stacks.Targets.ObjectStore;

namespace PgPlatform.Stacks.Targets.Local;

/// <summary>
/// The barman-cloud tools against the Azurite container, in the object layout CNPG's Barman Cloud plugin
/// writes (<c>SERVER/base/ID/</c>, <c>SERVER/wals/TIMELINE+LOG/FILE.gz</c>). Everything is gzipped, never snappy-compressed:
/// python3-snappy is broken on Debian 12. WAL is archived and restored <c>walMaxParallel</c> files at a time, as the declared
/// ObjectStore's <c>wal.maxParallel</c> asks: see <see cref="WalScripts"/>.
/// </summary>
internal sealed class BarmanCloud(Azurite store, string serverName, RunAs runAs, string workingDirectory, int walMaxParallel)
{
    private const string Provider = "azure-blob-storage";

    /// <summary>
    /// Loaded by the barman tools' Python (through PYTHONPATH) to shorten the Azure SDK's retry policy: its
    /// default (15 s initial back-off, base 3, 3 retries) spends about 85 s per call against a store that
    /// refuses connections, so an unreachable store would hang a drill for minutes instead of failing it.
    /// </summary>
    private const string FastRetry = """
        try:
            from azure.storage.blob._shared import policies as _policies

            _original = _policies.ExponentialRetry.__init__

            def _fast(self, initial_backoff=0.5, increment_base=2, retry_total=1, retry_to_secondary=False, random_jitter_range=0, **kwargs):
                _original(self, initial_backoff=initial_backoff, increment_base=increment_base, retry_total=retry_total,
                          retry_to_secondary=retry_to_secondary, random_jitter_range=random_jitter_range, **kwargs)

            _policies.ExponentialRetry.__init__ = _fast
        except Exception:
            pass
        """;

    private string PythonPath => Path.Combine(workingDirectory, "python");

    /// <summary>WAL files archived and restored at once: the declared ObjectStore's <c>wal.maxParallel</c>.</summary>
    public int WalMaxParallel => walMaxParallel;

    /// <summary>
    /// The archive_command Patroni gives PostgreSQL (credentials come from the environment): at parallelism 1 one
    /// barman-cloud-wal-archive per file, above it <see cref="WalScripts.ArchiveScript"/>.
    /// </summary>
    public string ArchiveCommand => ArchiveCommandAt(walMaxParallel);

    /// <summary>The archive_command at <paramref name="parallel"/> files at once.</summary>
    public string ArchiveCommandAt(int parallel) => parallel <= 1
        ? $"PYTHONPATH={PythonPath} barman-cloud-wal-archive --gzip --cloud-provider {Provider} {store.DestinationUrl} {serverName} %p"
        : $"bash {ArchiveScriptPath} {parallel} %p %f";

    /// <summary>The restore_command of a restored cluster, prefetching into <paramref name="spool"/>.</summary>
    public string RestoreCommand(string spool) => RestoreCommandAt(walMaxParallel, spool);

    /// <summary>The restore_command at <paramref name="parallel"/> files at once, prefetching into <paramref name="spool"/>.</summary>
    public string RestoreCommandAt(int parallel, string spool) => $"bash {RestoreScriptPath} {parallel} {spool} %f %p";

    /// <summary>The restore script <see cref="WriteHelpers"/> writes.</summary>
    public string RestoreScriptPath => Path.Combine(PythonPath, "wal-restore.sh");

    /// <summary>The archive script <see cref="WriteHelpers"/> writes.</summary>
    public string ArchiveScriptPath => Path.Combine(PythonPath, "wal-archive.sh");

    /// <summary>Writes the retry policy module the tools load, the batch helper, the archive side's uploader, the restore side's fetcher and the archive and restore scripts; call before anything runs them.</summary>
    public void WriteHelpers()
    {
        Directory.CreateDirectory(PythonPath);
        File.WriteAllText(Path.Combine(PythonPath, "sitecustomize.py"), FastRetry + "\n");
        File.WriteAllText(Path.Combine(PythonPath, "wal_batch.py"), WalScripts.BatchPython + "\n");
        File.WriteAllText(Path.Combine(PythonPath, "wal_fetcher.py"), WalFetcher.Python + "\n");
        File.WriteAllText(Path.Combine(PythonPath, "wal_archiver.py"), WalUploader.Python + "\n");
        var header = $"export PYTHONPATH={PythonPath}\nHELPERS={PythonPath}; URL={store.DestinationUrl}; SERVER={serverName}\nRESTORE_ARGS=(--cloud-provider {Provider} {store.DestinationUrl} {serverName})\n";
        File.WriteAllText(RestoreScriptPath, header + WalScripts.RestoreScript + "\n");
        File.WriteAllText(ArchiveScriptPath, header + WalScripts.ArchiveScript + "\n");
    }

    /// <summary>Environment for a PostgreSQL whose archive or restore command talks to the store (the commands set PYTHONPATH themselves).</summary>
    public Dictionary<string, string> ServerEnvironment(bool wrongKey) => new()
    {
        ["AZURE_STORAGE_CONNECTION_STRING"] = store.ConnectionString(wrongKey),
        ["HOME"] = workingDirectory,
    };

    /// <summary>Environment for running a barman tool directly.</summary>
    public Dictionary<string, string> Environment(bool wrongKey) => new(ServerEnvironment(wrongKey)) { ["PYTHONPATH"] = PythonPath };

    /// <summary>
    /// Takes a base backup of the PostgreSQL on <paramref name="port"/> (its data directory must be readable by
    /// the run-as user). gzipped: uncompressed it backs up about 2 s faster here but restores about 2.5 s
    /// slower (the Python SDK downloads slowly), and restore time is what the drills measure.
    /// </summary>
    public async Task BackupAsync(int port, string superuserPassword, bool wrongKey, CancellationToken cancellationToken)
    {
        var environment = Environment(wrongKey);
        environment["PGPASSWORD"] = superuserPassword;
        await Run(["barman-cloud-backup", "--gzip", "--immediate-checkpoint", "--cloud-provider", Provider, "-h", "127.0.0.1", "-p", $"{port}", "-U", "postgres", "-d", "postgres", store.DestinationUrl, serverName], environment, cancellationToken);
    }

    /// <summary>Every backup, oldest first.</summary>
    public async Task<IReadOnlyList<BackupInfo>> ListAsync(bool wrongKey, CancellationToken cancellationToken)
    {
        var json = await Run(["barman-cloud-backup-list", "--format", "json", "--cloud-provider", Provider, store.DestinationUrl, serverName], Environment(wrongKey), cancellationToken);
        return ParseList(json);
    }

    /// <summary>Restores <paramref name="backupId"/> into <paramref name="destination"/> (which must not exist or be empty).</summary>
    public Task RestoreAsync(string backupId, string destination, bool wrongKey, CancellationToken cancellationToken) =>
        Run(["barman-cloud-restore", "--cloud-provider", Provider, store.DestinationUrl, serverName, backupId, destination], Environment(wrongKey), cancellationToken);

    /// <summary>Parses <c>barman-cloud-backup-list --format json</c>; only backups with status DONE count.</summary>
    public static IReadOnlyList<BackupInfo> ParseList(string json)
    {
        using var document = JsonDocument.Parse(json);
        var backups = new List<BackupInfo>();
        foreach (var backup in document.RootElement.GetProperty("backups_list").EnumerateArray())
        {
            if (backup.GetProperty("status").GetString() != "DONE")
            {
                continue;
            }

            backups.Add(new BackupInfo(
                backup.GetProperty("backup_id").GetString()!,
                backup.GetProperty("begin_wal").GetString()!,
                backup.GetProperty("end_wal").GetString()!,
                BarmanTime.Parse(backup.GetProperty("end_time").GetString()!)));
        }

        return [.. backups.OrderBy(b => b.EndTime)];
    }

    private async Task<string> Run(IReadOnlyList<string> argv, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken)
    {
        var full = runAs.Prefix.Concat(argv).ToList();
        try
        {
            return await Tool.RunAsync(full[0], full[1..], workingDirectory, environment, cancellationToken, TimeSpan.FromMinutes(3));
        }
        catch (ToolFailedException e)
        {
            throw new ObjectStoreException($"{argv[0]} exited {e.ExitCode}: {e.Detail}", e);
        }
    }
}
