using System.Text.RegularExpressions;
using PgPlatform.Components.Model;

namespace PgPlatform.Components.Validation;

/// <summary>Kubernetes resource quantities ("10Gi", "500m", "1.5"), checked before they reach a manifest.</summary>
public static partial class Quantity
{
    /// <summary>True when <paramref name="value"/> is a Kubernetes quantity.</summary>
    public static bool IsValid(string value) => QuantityPattern().IsMatch(value);

    /// <summary>Throws a <see cref="DeclarationException"/> naming <paramref name="what"/> when the value is not a quantity.</summary>
    public static void Require(string value, string what)
    {
        if (!IsValid(value))
        {
            throw new DeclarationException(
                $"{what} '{value}' is not a Kubernetes quantity",
                "write a number with an optional suffix, e.g. '10Gi', '512Mi' or '500m' (binary suffixes Ki Mi Gi Ti Pi Ei, decimal k M G T P E)");
        }
    }

    [GeneratedRegex(@"^[+-]?(\d+(\.\d*)?|\.\d+)(([KMGTPE]i)|[numkMGTPE]|[eE][+-]?\d+)?$")]
    private static partial Regex QuantityPattern();
}
