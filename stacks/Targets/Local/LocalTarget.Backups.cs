using System.Text.Json;
using Npgsql;
using PgPlatform.Stacks.Postgres;
using PgPlatform.Stacks.Targets.ObjectStore;

namespace PgPlatform.Stacks.Targets.Local;

/// <summary>The backup, archive and restore side of the local target, and its SQL helpers.</summary>
public sealed partial class LocalTarget
{
    /// <inheritdoc />
    public async Task<BackupInfo> BackupAsync(CancellationToken cancellationToken)
    {
        var primary = await PrimaryMemberAsync(cancellationToken) ?? throw new InvalidOperationException("no member accepts writes: nothing to back up");
        // barman-cloud-backup prints no identifier; the backup is the one that ended after it started (barman's
        // times have whole seconds, hence the second of slack).
        var started = DateTimeOffset.UtcNow.AddSeconds(-1);
        await _barman.BackupAsync(primary.PostgresPort, _passwords.Superuser, UseWrongObjectStoreCredentials, cancellationToken);
        return (await ListBackupsAsync(cancellationToken)).LastOrDefault(b => b.EndTime >= started)
            ?? throw new ObjectStoreException("barman-cloud-backup exited 0 but no new backup is listed");
    }

    /// <inheritdoc />
    public async Task<long?> BackupSizeAsync(string backupId, CancellationToken cancellationToken)
    {
        long bytes = 0;
        await foreach (var blob in ArchiveContainer(UseWrongObjectStoreCredentials).GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, $"{Scope}/base/{backupId}/", cancellationToken))
        {
            bytes += blob.Properties.ContentLength ?? 0;
        }

        return bytes;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<BackupInfo>> ListBackupsAsync(CancellationToken cancellationToken) =>
        ObjectStore(UseWrongObjectStoreCredentials).ListBackupsAsync(cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> ArchivedWalAsync(CancellationToken cancellationToken) =>
        ObjectStore(UseWrongObjectStoreCredentials).ListWalAsync(cancellationToken);

    /// <inheritdoc />
    public Task<string> SwitchWalAsync(CancellationToken cancellationToken) =>
        WalArchiver.SwitchWalAsync(SuperuserReadWriteConnectionString, TimeSpan.FromSeconds(60), cancellationToken);

    /// <inheritdoc />
    public Task<ArchiverStatus> ArchiverStatusAsync(CancellationToken cancellationToken) =>
        WalArchiver.StatusAsync(SuperuserReadWriteConnectionString, cancellationToken);

    /// <inheritdoc />
    public async Task<IRestoredCluster> RestoreAsync(RestoreRequest request, CancellationToken cancellationToken) =>
        await LocalRestoredCluster.RestoreAsync(request, _run.Path, _barman, UseWrongObjectStoreCredentials, _options.PostgresBinDirectory, _runAs, _passwords.Superuser, cancellationToken);

    /// <inheritdoc />
    public Task RemoveArchivedWalAsync(string walFile, CancellationToken cancellationToken) =>
        ObjectStore().RemoveWalAsync(walFile, cancellationToken);

    /// <inheritdoc />
    public async Task SetObjectStoreAvailableAsync(bool available, CancellationToken cancellationToken)
    {
        if (!available)
        {
            _azurite.Stop();
        }
        else if (!_azurite.Running)
        {
            await _azurite.StartAsync(cancellationToken);
        }
    }

    /// <summary>barman's server name: the prefix of everything in the archive container.</summary>
    internal static string ArchiveServerName => Scope;

    /// <summary>The archive's container in Azurite (with <paramref name="wrongKey"/>, through credentials Azurite refuses).</summary>
    internal Azure.Storage.Blobs.BlobContainerClient ArchiveContainer(bool wrongKey = false) => _azurite.Client(wrongKey);

    private BarmanObjectStore ObjectStore(bool wrongKey = false) => new(ArchiveContainer(wrongKey), Scope);

    /// <summary>The base backups as <c>barman-cloud-backup-list</c> lists them (the reference <see cref="ListBackupsAsync"/> must agree with).</summary>
    internal Task<IReadOnlyList<BackupInfo>> BarmanBackupListAsync(CancellationToken cancellationToken) =>
        _barman.ListAsync(wrongKey: false, cancellationToken);

    private async Task<PatroniMember?> PrimaryMemberAsync(CancellationToken cancellationToken)
    {
        foreach (var member in _members)
        {
            try
            {
                if (!await Sql.ScalarAsync<bool>(Direct(member.PostgresPort), "SELECT pg_is_in_recovery()", cancellationToken))
                {
                    return member;
                }
            }
            catch (NpgsqlException)
            {
                // A member that is down is not the primary.
            }
        }

        return null;
    }

    private async Task<bool> ClusterHealthyAsync(CancellationToken cancellationToken)
    {
        try
        {
            // Health is a real commit through the read-write endpoint: Patroni's REST answer says 200 from a
            // lock holder whose PostgreSQL is down.
            await Sql.ExecuteAsync(SuperuserReadWriteConnectionString, "CREATE TABLE IF NOT EXISTS pg_platform_health (at timestamptz); INSERT INTO pg_platform_health VALUES (now())", cancellationToken);
            return await Sql.ScalarAsync<long>(SuperuserReadWriteConnectionString, "SELECT count(*) FROM pg_stat_replication WHERE state = 'streaming'", cancellationToken) == _members.Count - 1
                && await SyncStandbyRecordedAsync(cancellationToken);
        }
        catch (NpgsqlException)
        {
            return false;
        }
    }

    /// <summary>
    /// True once Patroni has recorded a synchronous standby in etcd. Until then synchronous mode has no member
    /// it may promote, and a primary killed in that window is restarted in place instead of failing over, so
    /// the target is not ready before it. Only Patroni knows this, hence its REST API (for this, not for health).
    /// </summary>
    private async Task<bool> SyncStandbyRecordedAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        foreach (var member in _members)
        {
            try
            {
                using var cluster = JsonDocument.Parse(await http.GetStringAsync($"http://127.0.0.1:{member.RestPort}/cluster", cancellationToken));
                return cluster.RootElement.GetProperty("members").EnumerateArray()
                    .Any(m => m.GetProperty("role").GetString() == "sync_standby" && m.TryGetProperty("state", out var state) && state.GetString() is "streaming" or "running");
            }
            catch (Exception e) when (e is HttpRequestException or JsonException or KeyNotFoundException or TaskCanceledException)
            {
                // Ask the next member.
            }
        }

        return false;
    }

    private async Task<string> PatroniVersionAsync(CancellationToken cancellationToken) =>
        (await Tool.RunAsync("/usr/bin/patroni", ["--version"], _run.Path, new Dictionary<string, string>(), cancellationToken)).Trim();

    private async Task<string> PostgresVersionAsync(CancellationToken cancellationToken) =>
        "postgresql " + await Sql.ScalarAsync<string>(SuperuserReadWriteConnectionString, "SHOW server_version", cancellationToken);

    private string MultiHost(string user, string password, string database) => new NpgsqlConnectionStringBuilder
    {
        Host = string.Join(',', _members.Select(m => $"127.0.0.1:{m.PostgresPort}")),
        TargetSessionAttributes = "read-write",
        // Without this Npgsql trusts its 10 s old opinion of which host is primary, and a failover looks 10 s longer than it is.
        HostRecheckSeconds = 0,
        Username = user,
        Password = password,
        Database = database,
        Pooling = false,
        Timeout = 3,
        CommandTimeout = 5,
    }.ConnectionString;

    private string Direct(int port) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1", Port = port, Username = "postgres", Password = _passwords.Superuser, Database = "postgres", Pooling = false, Timeout = 3, CommandTimeout = 5,
    }.ConnectionString;
}
