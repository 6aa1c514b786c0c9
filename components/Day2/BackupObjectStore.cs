using k8s.Models;
using PgPlatform.Components.Kubernetes.Crds.BarmanCloud;

namespace PgPlatform.Components.Day2;

/// <summary>A Barman Cloud plugin ObjectStore on an Azure blob container, signed in by workload identity (no keys).</summary>
public static class BackupObjectStore
{
    /// <summary>The ObjectStore <paramref name="metadata"/> for <paramref name="container"/> of <paramref name="storageAccount"/>; <paramref name="retentionPolicy"/> null keeps what is there (a source read for recovery).</summary>
    public static ObjectStore For(V1ObjectMeta metadata, string storageAccount, string container, string? retentionPolicy) => new()
    {
        Metadata = metadata,
        Spec = new ObjectStoreSpec
        {
            Configuration = new BarmanObjectStoreConfiguration
            {
                DestinationPath = $"https://{storageAccount}.blob.core.windows.net/{container}",
                AzureCredentials = new AzureCredentials { UseDefaultAzureCredentials = true },
                Wal = new WalBackupConfiguration { Compression = "gzip", MaxParallel = 2 },
                Data = new DataBackupConfiguration { Compression = "gzip", Jobs = 2 },
            },
            RetentionPolicy = retentionPolicy,
        },
    };
}
