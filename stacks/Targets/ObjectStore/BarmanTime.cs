using System.Globalization;

namespace PgPlatform.Stacks.Targets.ObjectStore;

/// <summary>
/// The time formats barman writes: <c>backup.info</c> holds Python's <c>str(datetime)</c>
/// (<c>2026-11-22 17:14:41.123456+00:00</c>, older versions without the offset), and
/// <c>barman-cloud-backup-list --format json</c> prints ctime (<c>Sun Nov  2 17:14:41 2026</c>).
/// A time without an offset is in the machine's zone, as barman reads it.
/// </summary>
public static class BarmanTime
{
    private static readonly string[] IsoFormats =
    [
        "yyyy-MM-dd HH:mm:ss.FFFFFFzzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFzzz",
        "yyyy-MM-dd HH:mm:ss.FFFFFF", "yyyy-MM-dd'T'HH:mm:ss.FFFFFF",
    ];

    /// <summary>Parses <paramref name="text"/> in any of barman's formats; throws <see cref="FormatException"/> naming it otherwise.</summary>
    public static DateTimeOffset Parse(string text)
    {
        var normalized = string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        if (DateTimeOffset.TryParseExact(normalized, IsoFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeLocal, out var iso))
        {
            return iso;
        }

        if (DateTime.TryParseExact(normalized, "ddd MMM d HH:mm:ss yyyy", CultureInfo.InvariantCulture, DateTimeStyles.AssumeLocal, out var ctime))
        {
            return new DateTimeOffset(ctime);
        }

        throw new FormatException($"not a barman time: '{text}'");
    }
}
