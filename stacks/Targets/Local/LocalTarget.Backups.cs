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
        await LocalRestoredCluster.RestoreAsync(request, _run.Path, _barman, UseWrongObjectStoreCredentials, Binaries.Directory, _runAs, _passwords.Superuser, cancellationToken);

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

    private async Task<string> PatroniVersionAsync(CancellationToken cancellationToken) =>
        (await Tool.RunAsync("/usr/bin/patroni", ["--version"], _run.Path, new Dictionary<string, string>(), cancellationToken)).Trim();

    private string Direct(int port) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1", Port = port, Username = "postgres", Password = _passwords.Superuser, Database = "postgres", Pooling = false, Timeout = 3, CommandTimeout = 5,
    }.ConnectionString;
}
