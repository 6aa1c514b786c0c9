using System.Globalization;

namespace PgPlatform.Stacks.Nightly.Scheduling;

/// <summary>Durations as people type them: <c>6h</c>, <c>90m</c>, <c>45s</c>, <c>2d</c>.</summary>
public static class Durations
{
    /// <summary>Parses <paramref name="text"/>; an <see cref="ArgumentException"/> naming <paramref name="option"/> otherwise.</summary>
    public static TimeSpan Parse(string text, string option)
    {
        ArgumentNullException.ThrowIfNull(text);
        var unit = text.Length > 1 ? text[^1] : ' ';
        if (double.TryParse(text[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0)
        {
            switch (unit)
            {
                case 's': return TimeSpan.FromSeconds(value);
                case 'm': return TimeSpan.FromMinutes(value);
                case 'h': return TimeSpan.FromHours(value);
                case 'd': return TimeSpan.FromDays(value);
            }
        }

        throw new ArgumentException($"{option} '{text}' is not a duration; give a positive number with s, m, h or d (e.g. 6h, 90m)");
    }

    /// <summary><paramref name="duration"/> as <see cref="Parse"/> reads it: whole days, hours or minutes where it is one, else seconds.</summary>
    public static string Format(TimeSpan duration) =>
        duration.Ticks % TimeSpan.TicksPerDay == 0 ? string.Create(CultureInfo.InvariantCulture, $"{duration.TotalDays:0}d")
        : duration.Ticks % TimeSpan.TicksPerHour == 0 ? string.Create(CultureInfo.InvariantCulture, $"{duration.TotalHours:0}h")
        : duration.Ticks % TimeSpan.TicksPerMinute == 0 ? string.Create(CultureInfo.InvariantCulture, $"{duration.TotalMinutes:0}m")
        : string.Create(CultureInfo.InvariantCulture, $"{duration.TotalSeconds:0.###}s");
}
