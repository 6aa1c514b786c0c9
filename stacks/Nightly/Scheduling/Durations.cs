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
}
