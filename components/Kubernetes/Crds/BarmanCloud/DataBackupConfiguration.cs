using System.Text.Json.Serialization;

namespace PgPlatform.Components.Kubernetes.Crds.BarmanCloud;

/// <summary><c>configuration.data</c>.</summary>
public sealed class DataBackupConfiguration
{
    /// <summary><c>gzip</c>, <c>bzip2</c>, <c>lz4</c>, <c>snappy</c>, <c>xz</c> or <c>zstd</c>.</summary>
    [JsonPropertyName("compression")] public string? Compression { get; init; }

    /// <summary>Parallel upload jobs.</summary>
    [JsonPropertyName("jobs")] public int? Jobs { get; init; }
}
