using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace PgPlatform.Stacks.Targets.ObjectStore;

/// <summary>
/// The barman-cloud object layout in an Azure Blob container, exactly as barman-cloud and CNPG's Barman Cloud
/// plugin write it: <c>SERVER/base/BACKUP_ID/backup.info</c> (plus the backup's data) and
/// <c>SERVER/wals/TIMELINE+LOG/WALFILE[.gz|...]</c>. Reads it without the barman tools, so any target whose
/// archive is in Azure Blob can use it. Every storage failure throws <see cref="ObjectStoreException"/>.
/// </summary>
/// <param name="container">The container (its credentials decide what the calls may do).</param>
/// <param name="serverName">barman's server name, the prefix of everything (CNPG: the ObjectStore's <c>serverName</c>, by default the Cluster's name).</param>
public sealed class BarmanObjectStore(BlobContainerClient container, string serverName)
{
    private string BasePrefix => $"{serverName}/base/";

    private string WalPrefix => $"{serverName}/wals/";

    /// <summary>
    /// Every finished (<c>status=DONE</c>) base backup, oldest first, read from each backup directory's
    /// <c>backup.info</c> as <c>barman-cloud-backup-list</c> reads them (a directory without one is skipped).
    /// </summary>
    public async Task<IReadOnlyList<BackupInfo>> ListBackupsAsync(CancellationToken cancellationToken)
    {
        var backups = new List<BackupInfo>();
        try
        {
            await foreach (var item in container.GetBlobsByHierarchyAsync(BlobTraits.None, BlobStates.None, "/", BasePrefix, cancellationToken))
            {
                if (!item.IsPrefix)
                {
                    continue;
                }

                var backupId = item.Prefix[BasePrefix.Length..].TrimEnd('/');
                if (await ReadBackupInfoAsync($"{item.Prefix}backup.info", cancellationToken) is { } text
                    && BackupInfoFile.Parse(backupId, text) is { } backup)
                {
                    backups.Add(backup);
                }
            }
        }
        catch (Exception e) when (StorageFailure.IsStorageFailure(e, cancellationToken))
        {
            throw StorageFailure.Wrap($"cannot list the base backups under {BasePrefix}", e);
        }
        catch (FormatException e)
        {
            throw new ObjectStoreException($"cannot read the base backups under {BasePrefix}: {e.Message}", e);
        }

        return [.. backups.OrderBy(b => b.EndTime).ThenBy(b => b.Id, StringComparer.Ordinal)];
    }

    /// <summary>
    /// The WAL segments (and <c>.partial</c> segments) in the archive, without compression suffix, in name
    /// order; timeline history files and backup labels are left out, as WAL continuity does not count them.
    /// </summary>
    public async Task<IReadOnlyList<string>> ListWalAsync(CancellationToken cancellationToken)
    {
        var names = new List<string>();
        try
        {
            await foreach (var blob in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, WalPrefix, cancellationToken))
            {
                if (ArchivedWalName.Strip(Path.GetFileName(blob.Name)) is { } wal && ArchivedWalName.IsSegment(wal))
                {
                    names.Add(wal);
                }
            }
        }
        catch (Exception e) when (StorageFailure.IsStorageFailure(e, cancellationToken))
        {
            throw StorageFailure.Wrap($"cannot list the WAL archive under {WalPrefix}", e);
        }

        return [.. names.Order(StringComparer.Ordinal)];
    }

    /// <summary>
    /// Fault injection: deletes the archived <paramref name="walFile"/>, whatever its compression suffix.
    /// Throws <see cref="ObjectStoreException"/> when it is not in the archive.
    /// </summary>
    public async Task RemoveWalAsync(string walFile, CancellationToken cancellationToken)
    {
        if (!ArchivedWalName.IsArchivable(walFile))
        {
            throw new ArgumentException($"not a WAL file name: '{walFile}'", nameof(walFile));
        }

        var directory = ArchivedWalName.Directory(walFile);
        var prefix = directory.Length == 0 ? $"{WalPrefix}{walFile}" : $"{WalPrefix}{directory}/{walFile}";
        try
        {
            var removed = 0;
            await foreach (var blob in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix, cancellationToken))
            {
                if (ArchivedWalName.Strip(Path.GetFileName(blob.Name)) == walFile
                    && (await container.DeleteBlobIfExistsAsync(blob.Name, cancellationToken: cancellationToken)).Value)
                {
                    removed++;
                }
            }

            if (removed == 0)
            {
                throw new ObjectStoreException($"WAL file {walFile} is not in the archive (nothing matches {prefix}*)");
            }
        }
        catch (Exception e) when (StorageFailure.IsStorageFailure(e, cancellationToken))
        {
            throw StorageFailure.Wrap($"cannot remove WAL file {walFile} from the archive", e);
        }
    }

    private async Task<string?> ReadBackupInfoAsync(string blobName, CancellationToken cancellationToken)
    {
        try
        {
            var content = await container.GetBlobClient(blobName).DownloadContentAsync(cancellationToken);
            return content.Value.Content.ToString();
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }
}
