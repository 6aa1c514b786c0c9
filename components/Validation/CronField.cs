using System.Globalization;

namespace PgPlatform.Components.Validation;

/// <summary>
/// One field of a robfig/cron schedule, as CNPG parses it (cloudnative-pg internal/webhook/v1/scheduledbackup_webhook.go
/// calls github.com/robfig/cron's Parse): <c>*</c> or <c>?</c>, numbers, names (months, weekdays), ranges
/// <c>a-b</c>, steps <c>/n</c> and lists <c>,</c>; bounds as robfig/cron spec.go declares them.
/// </summary>
public static class CronField
{
    /// <summary>Name, bounds and value names of the six fields, seconds first.</summary>
    public static readonly IReadOnlyList<(string Name, int Min, int Max, string[]? Names)> Fields =
    [
        ("second", 0, 59, null),
        ("minute", 0, 59, null),
        ("hour", 0, 23, null),
        ("day of month", 1, 31, null),
        ("month", 1, 12, ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]),
        ("day of week", 0, 6, ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]),
    ];

    /// <summary>The values field <paramref name="index"/> selects, or the reason it is invalid.</summary>
    public static (SortedSet<int>? Values, bool Star, string? Problem) Parse(string text, int index)
    {
        var (_, min, max, names) = Fields[index];
        var values = new SortedSet<int>();
        var star = false;
        foreach (var part in text.Split(','))
        {
            var slash = part.Split('/');
            if (slash.Length > 2)
            {
                return (null, false, $"'{part}' has more than one '/'");
            }

            int low, high;
            if (slash[0] is "*" or "?")
            {
                (low, high) = (min, max);
                star |= slash.Length == 1;
            }
            else
            {
                var range = slash[0].Split('-');
                if (range.Length > 2 || Value(range[0], names) is not { } first)
                {
                    return (null, false, $"'{part}' is not a number{(names is null ? "" : " or name")}, range or step");
                }

                low = first;
                if (range.Length == 2)
                {
                    if (Value(range[1], names) is not { } last)
                    {
                        return (null, false, $"'{part}' is not a range");
                    }

                    high = last;
                }
                else
                {
                    high = slash.Length == 2 ? max : low;
                }
            }

            if (low < min || high > max)
            {
                return (null, false, $"'{part}' is outside {min}-{max}");
            }

            if (low > high)
            {
                return (null, false, $"'{part}' is a range that ends before it starts");
            }

            var step = 1;
            if (slash.Length == 2 && (!int.TryParse(slash[1], NumberStyles.None, CultureInfo.InvariantCulture, out step) || step == 0))
            {
                return (null, false, $"'{part}' has a step that is not a positive whole number");
            }

            for (var v = low; v <= high; v += step)
            {
                values.Add(v);
            }
        }

        return (values, star, null);
    }

    private static int? Value(string text, string[]? names)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        var index = names is null ? -1 : Array.IndexOf(names, text.ToLowerInvariant());
        return index < 0 ? null : names == Fields[4].Names ? index + 1 : index;
    }
}
