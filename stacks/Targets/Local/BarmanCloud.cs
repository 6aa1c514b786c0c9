using System.Text.Json;
using PgPlatform.Stacks.Targets.ObjectStore;

namespace PgPlatform.Stacks.Targets.Local;

/// <summary>
/// The barman-cloud tools against the Azurite container, in the object layout CNPG's Barman Cloud plugin
/// writes (<c>SERVER/base/ID/</c>, <c>SERVER/wals/TIMELINE+LOG/FILE.gz</c>). Everything is gzipped, never snappy-compressed:
/// python3-snappy is broken on Debian 12. A restore prefetches <c>walMaxParallel</c> WAL files at a time, as the declared
/// ObjectStore's <c>wal.maxParallel</c> asks: see <see cref="RestoreScript"/>.
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

    /// <summary>
    /// restore_command body (bash; arguments: parallelism, spool directory, %f, %p). Serves a file prefetched into the
    /// spool; otherwise fetches it and, for a WAL segment, the next parallelism - 1 segments into the spool at the same
    /// time, as the plugin does (cloudnative-pg/plugin-barman-cloud internal/cnpgi/common/wal.go, gatherWALFilesToRestore).
    /// One barman-cloud-wal-restore per segment spends most of its time starting Python; in parallel those starts overlap.
    /// </summary>
    private const string RestoreScript = """
        set -u
        parallel=$1; spool=$2; name=$3; dest=$4
        mkdir -p "$spool"
        if [ -e "$spool/$name" ]; then mv -f "$spool/$name" "$dest"; exit 0; fi
        if [[ "$name" =~ ^[0-9A-F]{24}$ ]] && [ "$parallel" -gt 1 ]; then
          timeline=${name:0:8}; n=$(( 16#${name:8:8} * 256 + 16#${name:16:8} ))
          for i in $(seq 1 $((parallel - 1))); do
            m=$((n + i)); next=$(printf '%s%08X%08X' "$timeline" $((m / 256)) $((m % 256)))
            [ -e "$spool/$next" ] && continue
            ( barman-cloud-wal-restore "${RESTORE_ARGS[@]}" "$next" "$spool/$next.part" && mv -f "$spool/$next.part" "$spool/$next" || rm -f "$spool/$next.part" ) &
          done
        fi
        barman-cloud-wal-restore "${RESTORE_ARGS[@]}" "$name" "$dest"; rc=$?
        wait
        exit $rc
        """;

    /// <summary>
    /// A Patroni replica-creation method (bash; Patroni passes <c>--datadir=...</c> among its arguments, patroni/patroni
    /// docs/replica_bootstrap.rst, "Building replicas"): restores the newest DONE base backup into the data directory. Patroni
    /// then starts it as a standby with its <c>recovery_conf</c> restore_command and streams from the primary once the
    /// archive has no more WAL. For PostgreSQL majors whose pg_basebackup is not installed (see PostgresBinaries).
    /// </summary>
    private const string ReplicaFromBackupScript = """
        set -eu
        datadir=""
        for argument in "$@"; do case "$argument" in --datadir=*) datadir=${argument#--datadir=};; esac; done
        [ -n "$datadir" ] || { echo "replica from backup: Patroni passed no --datadir" >&2; exit 2; }
        id=$(barman-cloud-backup-list --format json "${RESTORE_ARGS[@]}" | /usr/bin/python3 -c 'import json, sys; done = [b["backup_id"] for b in json.load(sys.stdin)["backups_list"] if b["status"] == "DONE"]; print(done[-1] if done else "")')
        [ -n "$id" ] || { echo "replica from backup: no base backup in the object store yet" >&2; exit 1; }
        rm -rf "$datadir"
        barman-cloud-restore "${RESTORE_ARGS[@]}" "$id" "$datadir"
        chmod 0700 "$datadir"
        echo "replica from backup: restored base backup $id into $datadir"
        """;

    private string PythonPath => Path.Combine(workingDirectory, "python");

    /// <summary>WAL files a restore fetches at once.</summary>
    public int WalMaxParallel => walMaxParallel;

    /// <summary>
    /// The archive_command Patroni gives PostgreSQL (credentials come from the environment). One file at a time: a
    /// parallel archive (CNPG's walarchive: the requested file and other ready ones at once, the others noted in a spool)
    /// stalled the archive here and is not in place yet.
    /// </summary>
    public string ArchiveCommand => $"PYTHONPATH={PythonPath} barman-cloud-wal-archive --gzip --cloud-provider {Provider} {store.DestinationUrl} {serverName} %p";

    /// <summary>The restore_command of a restored cluster, prefetching into <paramref name="spool"/>.</summary>
    public string RestoreCommand(string spool) => $"bash {RestoreScriptPath} {walMaxParallel} {spool} %f %p";

    /// <summary>The restore script <see cref="WriteHelpers"/> writes.</summary>
    public string RestoreScriptPath => Path.Combine(PythonPath, "wal-restore.sh");

    /// <summary>The replica-creation script <see cref="WriteHelpers"/> writes (see <see cref="ReplicaFromBackupScript"/>).</summary>
    public string ReplicaFromBackupScriptPath => Path.Combine(PythonPath, "replica-from-backup.sh");

    /// <summary>Writes the retry policy module the tools load and the restore scripts; call before anything runs them.</summary>
    public void WriteHelpers()
    {
        Directory.CreateDirectory(PythonPath);
        File.WriteAllText(Path.Combine(PythonPath, "sitecustomize.py"), FastRetry + "\n");
        var python = $"export PYTHONPATH={PythonPath}\n";
        File.WriteAllText(RestoreScriptPath, python + $"RESTORE_ARGS=(--cloud-provider {Provider} {store.DestinationUrl} {serverName})\n" + RestoreScript + "\n");
        File.WriteAllText(ReplicaFromBackupScriptPath, python + $"RESTORE_ARGS=(--cloud-provider {Provider} {store.DestinationUrl} {serverName})\n" + ReplicaFromBackupScript + "\n");
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
