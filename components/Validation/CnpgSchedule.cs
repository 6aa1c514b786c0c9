using System.Text.RegularExpressions;
using PgPlatform.Components.Model;

namespace PgPlatform.Components.Validation;

/// <summary>
/// CNPG ScheduledBackup schedules: robfig/cron with six fields, seconds first. The five-field
/// Kubernetes CronJob form is the classic trap: "0 3 * * *" is read as second 0, minute 3 of every
/// hour, so it backs up hourly instead of daily at 03:00.
/// </summary>
public static partial class CnpgSchedule
{
    /// <summary>
    /// The shape of a schedule (six fields or a descriptor) before the ranges are checked; the admission policy's CEL
    /// uses <see cref="CronPattern.Schedule"/>, which also checks each field's range from the same bounds.
    /// </summary>
    public const string Pattern = @"^\s*(@(yearly|annually|monthly|weekly|daily|midnight|hourly)|@every \S+|[0-9A-Za-z*?/,-]+(\s+[0-9A-Za-z*?/,-]+){5})\s*$";

    /// <summary>Returns null when <paramref name="schedule"/> is a valid six-field schedule, else the reason.</summary>
    public static string? Explain(string schedule)
    {
        if (SchedulePattern().IsMatch(schedule))
        {
            return RangeProblem(schedule);
        }

        var trimmed = schedule.Trim();
        if (trimmed.StartsWith('@'))
        {
            return $"'{schedule}' is not a known descriptor (@yearly, @monthly, @weekly, @daily, @hourly, @every <duration>)";
        }

        var fields = trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length == 5)
        {
            return $"'{schedule}' has 5 fields, but CNPG schedules have 6 with seconds first: as written it means "
                + $"second {fields[0]} of minute {fields[1]}, not minute {fields[0]} of hour {fields[1]}; "
                + $"for the CronJob meaning write '0 {trimmed}'";
        }

        if (fields.Length != 6)
        {
            return $"'{schedule}' has {fields.Length} fields; CNPG schedules have 6: second minute hour day-of-month month day-of-week";
        }

        var bad = Array.FindIndex(fields, f => !FieldPattern().IsMatch(f));
        return $"field {bad + 1} ({FieldNames[Math.Max(bad, 0)]}) '{fields[Math.Max(bad, 0)]}' of '{schedule}' is not a cron field";
    }

    /// <summary>Throws a <see cref="DeclarationException"/> when the schedule is not a six-field CNPG schedule.</summary>
    public static void Require(string schedule, string what)
    {
        var problem = Explain(schedule);
        if (problem is not null)
        {
            throw new DeclarationException($"{what}: {problem}", "write a 6-field schedule with seconds first, e.g. '0 0 3 * * *' for daily at 03:00");
        }
    }

    private static string? RangeProblem(string schedule)
    {
        var trimmed = schedule.Trim();
        if (trimmed.StartsWith("@every ", StringComparison.Ordinal))
        {
            return GoDuration(trimmed[7..].Trim()) is null ? $"'{trimmed[7..].Trim()}' in '{schedule}' is not a duration like 1h30m, 90m or 3600s" : null;
        }

        if (trimmed.StartsWith('@'))
        {
            return null;
        }

        var fields = trimmed.Split(' ', '\t', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < fields.Length; i++)
        {
            if (CronField.Parse(fields[i], i).Problem is { } problem)
            {
                return $"field {i + 1} ({FieldNames[i]}) of '{schedule}': {problem}";
            }
        }

        return ShortestInterval(schedule) is null ? $"'{schedule}' never fires (no such date)" : null;
    }

    /// <summary>
    /// The shortest time between two backups of a valid schedule, or null when it never fires: every firing of
    /// four years (a leap day included) from 2024-01-01 is looked at, as robfig/cron's Next would find them.
    /// </summary>
    public static TimeSpan? ShortestInterval(string schedule)
    {
        var trimmed = schedule.Trim();
        var descriptor = trimmed switch
        {
            "@yearly" or "@annually" => TimeSpan.FromDays(365),
            "@monthly" => TimeSpan.FromDays(28),
            "@weekly" => TimeSpan.FromDays(7),
            "@daily" or "@midnight" => TimeSpan.FromDays(1),
            "@hourly" => TimeSpan.FromHours(1),
            _ when trimmed.StartsWith("@every ", StringComparison.Ordinal) => GoDuration(trimmed[7..].Trim()),
            _ => (TimeSpan?)null,
        };
        if (trimmed.StartsWith('@'))
        {
            return descriptor;
        }

        var parsed = trimmed.Split(' ', '\t', StringSplitOptions.RemoveEmptyEntries).Select(CronField.Parse).ToList();
        var seconds = parsed[0].Values!;
        var minutes = parsed[1].Values!;
        var hours = parsed[2].Values!;
        var times = hours.SelectMany(h => minutes.SelectMany(m => seconds.Select(s => (h * 3600) + (m * 60) + s))).ToList();
        long shortest = long.MaxValue;
        for (var i = 1; i < times.Count; i++)
        {
            shortest = Math.Min(shortest, times[i] - times[i - 1]);
        }

        // Day of month and day of week: both must match when either is '*', else either (robfig/cron dayMatches).
        var (dom, domStar) = (parsed[3].Values!, parsed[3].Star);
        var (dow, dowStar) = (parsed[5].Values!, parsed[5].Star);
        var months = parsed[4].Values!;
        long? previous = null;
        var start = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var day = 0; day < 4 * 366; day++)
        {
            var date = start.AddDays(day);
            var domMatch = dom.Contains(date.Day);
            var dowMatch = dow.Contains((int)date.DayOfWeek);
            if (!months.Contains(date.Month) || !(domStar || dowStar ? domMatch && dowMatch : domMatch || dowMatch))
            {
                continue;
            }

            if (previous is { } last)
            {
                shortest = Math.Min(shortest, ((long)day * 86400) + times[0] - last);
            }

            previous = ((long)day * 86400) + times[^1];
        }

        return previous is null ? null : shortest == long.MaxValue ? TimeSpan.FromDays(365) : TimeSpan.FromSeconds(shortest);
    }

    /// <summary>A Go duration as <c>@every</c> takes it (time.ParseDuration): e.g. <c>1h30m</c>, <c>90s</c>.</summary>
    private static TimeSpan? GoDuration(string text)
    {
        var match = GoDurationPattern().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var total = TimeSpan.Zero;
        foreach (Capture part in match.Groups["part"].Captures)
        {
            var unit = part.Value.TrimStart("0123456789.".ToCharArray());
            var number = double.Parse(part.Value[..^unit.Length], System.Globalization.CultureInfo.InvariantCulture);
            total += unit switch
            {
                "h" => TimeSpan.FromHours(number),
                "m" => TimeSpan.FromMinutes(number),
                "s" => TimeSpan.FromSeconds(number),
                "ms" => TimeSpan.FromMilliseconds(number),
                "ns" => TimeSpan.FromMilliseconds(number / 1e6),
                _ => TimeSpan.FromMilliseconds(number / 1000),
            };
        }

        return total;
    }

    [GeneratedRegex(@"^(?<part>[0-9]+(\.[0-9]+)?(h|ms|m|s|us|µs|ns))+$")]
    private static partial Regex GoDurationPattern();

    private static readonly string[] FieldNames = ["second", "minute", "hour", "day of month", "month", "day of week"];

    [GeneratedRegex("^[0-9A-Za-z*?/,-]+$")]
    private static partial Regex FieldPattern();

    [GeneratedRegex(Pattern)]
    private static partial Regex SchedulePattern();
}
