using System.Globalization;
using System.Text.RegularExpressions;

namespace PgPlatform.Stacks.Drills;

/// <summary>Sizes as people and Kubernetes write them: <c>16MB</c>, <c>512MiB</c>, <c>1GB</c>, <c>20Gi</c>.</summary>
public static partial class ByteSize
{
    /// <summary>Bytes of <paramref name="text"/>; null when it is not a size (decimal units: kB, MB, GB; binary: Ki, Mi, Gi, KiB, MiB, GiB).</summary>
    public static long? TryParse(string text)
    {
        var match = Pattern().Match(text.Trim());
        if (!match.Success)
        {
            return null;
        }

        var number = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var factor = match.Groups[2].Value.ToUpperInvariant().TrimEnd('B') switch
        {
            "" => 1d,
            "K" => 1e3,
            "M" => 1e6,
            "G" => 1e9,
            "KI" => 1024d,
            "MI" => 1024d * 1024,
            "GI" => 1024d * 1024 * 1024,
            _ => double.NaN,
        };
        return double.IsNaN(factor) || number <= 0 ? null : (long)(number * factor);
    }

    [GeneratedRegex(@"^([0-9]+(?:\.[0-9]+)?)\s*(B|[kKMG]B?|[KMG]iB?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
