using System.Globalization;
using System.Text.RegularExpressions;

namespace PgPlatform.Stacks.Targets;

/// <summary>Prometheus duration strings (<c>0m</c>, <c>5m</c>, <c>1h30m</c>, <c>2s</c>), as rule <c>for</c> fields use them.</summary>
public static partial class PrometheusDuration
{
    /// <summary>Parses <paramref name="text"/>; throws <see cref="FormatException"/> naming it when it is not a duration.</summary>
    public static TimeSpan Parse(string text)
    {
        var match = Duration().Match(text.Trim());
        if (!match.Success || match.Length == 0)
        {
            throw new FormatException($"'{text}' is not a Prometheus duration (e.g. 30s, 5m, 1h)");
        }

        var total = TimeSpan.Zero;
        foreach (Capture part in match.Groups["part"].Captures)
        {
            var unit = part.Value.TrimStart('0', '1', '2', '3', '4', '5', '6', '7', '8', '9');
            var number = long.Parse(part.Value[..^unit.Length], CultureInfo.InvariantCulture);
            total += unit switch
            {
                "ms" => TimeSpan.FromMilliseconds(number),
                "s" => TimeSpan.FromSeconds(number),
                "m" => TimeSpan.FromMinutes(number),
                "h" => TimeSpan.FromHours(number),
                "d" => TimeSpan.FromDays(number),
                "w" => TimeSpan.FromDays(7 * number),
                _ => TimeSpan.FromDays(365 * number),
            };
        }

        return total;
    }

    /// <summary>Formats <paramref name="duration"/> the way the evidence states bounds (<c>10m</c>, <c>90s</c>, <c>0s</c>).</summary>
    public static string Format(TimeSpan duration) =>
        duration.TotalSeconds % 60 == 0 && duration > TimeSpan.Zero
            ? string.Create(CultureInfo.InvariantCulture, $"{duration.TotalMinutes:0}m")
            : string.Create(CultureInfo.InvariantCulture, $"{duration.TotalSeconds:0}s");

    [GeneratedRegex(@"^(?<part>[0-9]+(ms|s|m|h|d|w|y))+$")]
    private static partial Regex Duration();
}
