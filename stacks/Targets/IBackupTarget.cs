namespace PgPlatform.Stacks.Targets;

/// <summary>A target that archives WAL and takes base backups into an object store, and can restore from them.</summary>
public interface IBackupTarget : IDrillTarget
{
    /// <summary>Takes a base backup of the primary now.</summary>
    Task<BackupInfo> BackupAsync(CancellationToken cancellationToken);

    /// <summary>Bytes <paramref name="backupId"/> takes in the object store (compressed); null when the target cannot tell.</summary>
    Task<long?> BackupSizeAsync(string backupId, CancellationToken cancellationToken) => Task.FromResult<long?>(null);

    /// <summary>Every base backup in the object store; throws <see cref="ObjectStoreException"/> when the store cannot be read.</summary>
    Task<IReadOnlyList<BackupInfo>> ListBackupsAsync(CancellationToken cancellationToken);

    /// <summary>Every WAL file name in the archive; throws <see cref="ObjectStoreException"/> when the store cannot be read.</summary>
    Task<IReadOnlyList<string>> ArchivedWalAsync(CancellationToken cancellationToken);

    /// <summary>Closes the current WAL segment on the primary and returns its name once it is archived; throws if archiving does not catch up in time.</summary>
    Task<string> SwitchWalAsync(CancellationToken cancellationToken);

    /// <summary>The primary's archiver: the last archived WAL and whether the last attempt failed.</summary>
    Task<ArchiverStatus> ArchiverStatusAsync(CancellationToken cancellationToken);

    /// <summary>Restores into a clean place that never archives into the source's archive, and returns once it answers a read-write query; throws <see cref="RestoreFailedException"/> if it never does.</summary>
    Task<IRestoredCluster> RestoreAsync(RestoreRequest request, CancellationToken cancellationToken);

    /// <summary>Fault injection: removes one archived WAL file from the object store.</summary>
    Task RemoveArchivedWalAsync(string walFile, CancellationToken cancellationToken);

    /// <summary>Fault injection: makes the object store unreachable (false) or reachable again (true).</summary>
    Task SetObjectStoreAvailableAsync(bool available, CancellationToken cancellationToken);

    /// <summary>Fault injection: when true, the drill's own backup and restore tooling uses wrong object-store credentials.</summary>
    bool UseWrongObjectStoreCredentials { get; set; }
}
