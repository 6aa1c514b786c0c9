using System.Text.RegularExpressions;

namespace PgPlatform.Stacks.Targets.ObjectStore;

/// <summary>
/// Names of the files barman archives under <c>SERVER/wals/</c>: WAL segments, <c>.partial</c> segments,
/// <c>.backup</c> labels and timeline <c>.history</c> files, each optionally with one compression suffix.
/// </summary>
public static partial class ArchivedWalName
{
    /// <summary>The compression suffixes barman-cloud writes (gzip, bzip2, snappy, xz, zstd, lz4).</summary>
    public static IReadOnlyList<string> CompressionSuffixes { get; } = [".gz", ".bz2", ".snappy", ".xz", ".zst", ".lz4"];

    /// <summary>
    /// The archived file <paramref name="fileName"/> stands for, without its compression suffix; null when it
    /// is not something barman archives.
    /// </summary>
    public static string? Strip(string fileName)
    {
        if (IsArchivable(fileName))
        {
            return fileName;
        }

        var suffix = CompressionSuffixes.FirstOrDefault(s => fileName.EndsWith(s, StringComparison.Ordinal));
        return suffix is not null && IsArchivable(fileName[..^suffix.Length]) ? fileName[..^suffix.Length] : null;
    }

    /// <summary>True for a WAL segment or a <c>.partial</c> one (what WAL continuity counts), false for labels and history files.</summary>
    public static bool IsSegment(string walFile) => Segment().IsMatch(walFile);

    /// <summary>True for any name barman archives (segment, partial, backup label, history).</summary>
    public static bool IsArchivable(string walFile) => Archivable().IsMatch(walFile);

    /// <summary>The directory barman keeps <paramref name="walFile"/> in below <c>wals/</c>: timeline and log id, none for history files.</summary>
    public static string Directory(string walFile) => walFile.Length >= 24 ? walFile[..16] : "";

    [GeneratedRegex("^[0-9A-Fa-f]{24}(\\.partial)?$")]
    private static partial Regex Segment();

    [GeneratedRegex("^[0-9A-Fa-f]{8}([0-9A-Fa-f]{16}(\\.[0-9A-Fa-f]{8}\\.backup|\\.partial)?|\\.history)$")]
    private static partial Regex Archivable();
}
