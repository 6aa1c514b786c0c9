using System.Globalization;
using System.Text.RegularExpressions;

namespace PgPlatform.Components.Validation;

/// <summary>The size in bytes of a Kubernetes quantity (<c>10Gi</c>, <c>500M</c>, <c>1e9</c>), to compare sizes against bounds.</summary>
public static partial class QuantityBytes
{
    /// <summary>Bytes of <paramref name="quantity"/> (a valid <see cref="Quantity"/>), as a double: huge values stay comparable.</summary>
    public static double Of(string quantity)
    {
        var match = SplitPattern().Match(quantity);
        var number = double.Parse(match.Groups["number"].Value, NumberStyles.Float, CultureInfo.InvariantCulture);
        var suffix = match.Groups["suffix"].Value;
        var factor = suffix switch
        {
            "Ki" => Math.Pow(2, 10), "Mi" => Math.Pow(2, 20), "Gi" => Math.Pow(2, 30), "Ti" => Math.Pow(2, 40), "Pi" => Math.Pow(2, 50), "Ei" => Math.Pow(2, 60),
            "n" => 1e-9, "u" => 1e-6, "m" => 1e-3, "k" => 1e3, "M" => 1e6, "G" => 1e9, "T" => 1e12, "P" => 1e15, "E" => 1e18,
            "" => 1,
            _ => Math.Pow(10, double.Parse(suffix[1..], CultureInfo.InvariantCulture)),
        };
        return number * factor;
    }

    [GeneratedRegex(@"^(?<number>[+-]?(\d+(\.\d*)?|\.\d+))(?<suffix>.*)$")]
    private static partial Regex SplitPattern();
}
