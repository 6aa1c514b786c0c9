using System.Globalization;

namespace PgPlatform.Stacks.Evidence;

/// <summary>
/// Whether the WAL archive holds every segment from a backup's first WAL file to the last archived one.
/// A segment counts as present on any timeline (after a failover the switch segment exists as the old
/// timeline's <c>.partial</c> and the new timeline's full file). Assumes 16 MB segments.
/// </summary>
public static class WalContinuity
{
    private const int SegmentsPerLogId = 0x100;

    /// <summary>The segment names (on <paramref name="to"/>'s timeline) missing between <paramref name="from"/> and <paramref name="to"/>, inclusive.</summary>
    public static IReadOnlyList<string> Missing(IEnumerable<string> archivedFiles, string from, string to)
    {
        var present = new HashSet<long>();
        foreach (var file in archivedFiles)
        {
            if (TryParse(file, out _, out var number) && (file.Length == 24 || file.EndsWith(".partial", StringComparison.Ordinal)))
            {
                present.Add(number);
            }
        }

        if (!TryParse(from, out _, out var first) || !TryParse(to, out var timeline, out var last))
        {
            throw new FormatException($"not WAL file names: {from}, {to}");
        }

        var missing = new List<string>();
        for (var number = first; number <= last; number++)
        {
            if (!present.Contains(number))
            {
                missing.Add(Name(timeline, number));
            }
        }

        return missing;
    }

    /// <summary>The highest segment in <paramref name="archivedFiles"/> (full or partial segments only); null when there is none.</summary>
    public static string? Latest(IEnumerable<string> archivedFiles) =>
        archivedFiles
            .Where(f => f.Length == 24 || f.EndsWith(".partial", StringComparison.Ordinal))
            .Select(f => (File: f[..24], Ok: TryParse(f, out var timeline, out var number), Timeline: timeline, Number: number))
            .Where(f => f.Ok)
            .OrderBy(f => f.Number).ThenBy(f => f.Timeline)
            .Select(f => f.File)
            .LastOrDefault();

    /// <summary>The WAL file name of segment <paramref name="number"/> on <paramref name="timeline"/>.</summary>
    public static string Name(long timeline, long number) =>
        string.Create(CultureInfo.InvariantCulture, $"{timeline:X8}{number / SegmentsPerLogId:X8}{number % SegmentsPerLogId:X8}");

    /// <summary>The segment after <paramref name="walFile"/>, on the same timeline.</summary>
    public static string Next(string walFile) =>
        TryParse(walFile, out var timeline, out var number) ? Name(timeline, number + 1) : throw new FormatException($"not a WAL file name: {walFile}");

    private static bool TryParse(string file, out long timeline, out long number)
    {
        timeline = number = 0;
        if (file.Length < 24
            || !long.TryParse(file.AsSpan(0, 8), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out timeline)
            || !long.TryParse(file.AsSpan(8, 8), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var log)
            || !long.TryParse(file.AsSpan(16, 8), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var segment))
        {
            return false;
        }

        number = log * SegmentsPerLogId + segment;
        return true;
    }
}
