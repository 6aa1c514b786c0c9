using System.Text.Json.Serialization;

namespace PgPlatform.Components.Kubernetes.Crds.BarmanCloud;

/// <summary><c>configuration.wal</c>.</summary>
public sealed class WalBackupConfiguration
{
    /// <summary><c>gzip</c>, <c>bzip2</c>, <c>lz4</c>, <c>snappy</c>, <c>xz</c> or <c>zstd</c>.</summary>
    [JsonPropertyName("compression")] public string? Compression { get; init; }

    /// <summary>WAL files archived or restored in parallel.</summary>
    [JsonPropertyName("maxParallel")] public int? MaxParallel { get; init; }
}
