using System.Globalization;
using System.Text;

namespace PgPlatform.Stacks.Nightly.Scheduling;

/// <summary>The <c>nightly --plan</c> lines on tonight's standing: per database, its last drill, whether it is due and why, and its expected duration.</summary>
public static class TonightStanding
{
    /// <summary>Why <paramref name="standing"/> is due (or not) at <paramref name="now"/>, in the scheduler's terms (<see cref="DatabaseStanding.Due"/>).</summary>
    public static string Reason(DatabaseStanding standing, DateTimeOffset now, SchedulerOptions options)
    {
        ArgumentNullException.ThrowIfNull(standing);
        ArgumentNullException.ThrowIfNull(options);
        if (standing.LastFailed)
        {
            return "due: last drill failed";
        }

        if (standing.Age(now) is not { } age)
        {
            return "due: never proven";
        }

        var threshold = standing.DueAfter(options.DueFraction);
        return string.Create(CultureInfo.InvariantCulture, $"{(standing.Due(now, options.DueFraction) ? "due" : "not due")}: evidence {age.TotalDays:0.#} d old, due from {threshold.TotalDays:0.#} d ({options.DueFraction:0.##} of the {standing.Database.Objective.TotalDays:0.#} d objective)");
    }

    /// <summary>The standing block: a heading with <paramref name="now"/> and one line per database, in the order given.</summary>
    public static string Render(IReadOnlyList<DatabaseStanding> standings, DateTimeOffset now, SchedulerOptions options)
    {
        ArgumentNullException.ThrowIfNull(standings);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"tonight ({now.UtcDateTime:yyyy-MM-dd HH:mm}Z): {standings.Count(s => s.Due(now, options.DueFraction))} of {standings.Count} database(s) due\n");
        foreach (var s in standings)
        {
            var last = s.LastRun is { } run ? run.FinishedAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + (run.Passed ? " passed" : " failed") : "never";
            var expected = string.Create(CultureInfo.InvariantCulture, $"{s.ExpectedDuration.TotalMinutes:0.#} min {(s.DurationMeasured ? "measured" : "default")}");
            text.Append(CultureInfo.InvariantCulture, $"  {s.Database.Stack}/{s.Database.Application}: last drilled {last}; {Reason(s, now, options)}; expected {expected}\n");
        }

        return text.ToString();
    }
}
