using System.Text.Json.Serialization;

namespace PgPlatform.Components.Kubernetes.Crds.BarmanCloud;

/// <summary><c>ObjectStore.spec.configuration</c>.</summary>
public sealed class BarmanObjectStoreConfiguration
{
    /// <summary>Container URL, e.g. <c>https://acct.blob.core.windows.net/linkding-prod</c>.</summary>
    [JsonPropertyName("destinationPath")] public required string DestinationPath { get; init; }

    /// <summary>Azure Blob credentials.</summary>
    [JsonPropertyName("azureCredentials")] public AzureCredentials? AzureCredentials { get; init; }

    /// <summary>WAL archiving options.</summary>
    [JsonPropertyName("wal")] public WalBackupConfiguration? Wal { get; init; }

    /// <summary>Base backup options.</summary>
    [JsonPropertyName("data")] public DataBackupConfiguration? Data { get; init; }
}
