using k8s.Models;
using PgPlatform.Components.Kubernetes.Crds.BarmanCloud;

namespace PgPlatform.Components.Day2;

/// <summary>A Barman Cloud plugin ObjectStore on an Azure blob container, signed in by workload identity (no keys).</summary>
public static class BackupObjectStore
{
    /// <summary>
    /// The ObjectStore <paramref name="metadata"/> for <paramref name="container"/> of <paramref name="storageAccount"/>;
    /// <paramref name="retentionPolicy"/> null keeps what is there (a source read for recovery). <paramref name="walMaxParallel"/>
    /// is <c>spec.configuration.wal.maxParallel</c>: WAL files archived, or prefetched by a restore, in parallel
    /// (/work/shared/schemas/crds/barman-cloud/barmancloud.cnpg.io_objectstores.yaml; the plugin's restore spools the
    /// prefetched files, cloudnative-pg/plugin-barman-cloud internal/cnpgi/common/wal.go).
    /// </summary>
    public static ObjectStore For(V1ObjectMeta metadata, string storageAccount, string container, string? retentionPolicy, int walMaxParallel) => new()
    {
        Metadata = metadata,
        Spec = new ObjectStoreSpec
        {
            Configuration = new BarmanObjectStoreConfiguration
            {
                DestinationPath = $"https://{storageAccount}.blob.core.windows.net/{container}",
                AzureCredentials = new AzureCredentials { UseDefaultAzureCredentials = true },
                Wal = new WalBackupConfiguration { Compression = "gzip", MaxParallel = walMaxParallel },
                Data = new DataBackupConfiguration { Compression = "gzip", Jobs = 2 },
            },
            RetentionPolicy = retentionPolicy,
        },
    };
}
