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
    /// What a valid schedule looks like; the admission policy's CEL uses the same expression, so the two
    /// gates agree.
    /// </summary>
    public const string Pattern = @"^\s*(@(yearly|annually|monthly|weekly|daily|midnight|hourly)|@every \S+|[0-9A-Za-z*?/,-]+(\s+[0-9A-Za-z*?/,-]+){5})\s*$";

    /// <summary>Returns null when <paramref name="schedule"/> is a valid six-field schedule, else the reason.</summary>
    public static string? Explain(string schedule)
    {
        if (SchedulePattern().IsMatch(schedule))
        {
            return null;
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

    private static readonly string[] FieldNames = ["second", "minute", "hour", "day of month", "month", "day of week"];

    [GeneratedRegex("^[0-9A-Za-z*?/,-]+$")]
    private static partial Regex FieldPattern();

    [GeneratedRegex(Pattern)]
    private static partial Regex SchedulePattern();
}
