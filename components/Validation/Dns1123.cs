using System.Text.RegularExpressions;
using PgPlatform.Components.Model;

namespace PgPlatform.Components.Validation;

/// <summary>Kubernetes DNS-1123 label rules, with errors that say how to fix the name.</summary>
public static partial class Dns1123
{
    /// <summary>True when <paramref name="value"/> is a DNS-1123 label no longer than <paramref name="maxLength"/>.</summary>
    public static bool IsLabel(string value, int maxLength = 63) =>
        value.Length > 0 && value.Length <= maxLength && LabelPattern().IsMatch(value);

    /// <summary>Throws a <see cref="DeclarationException"/> naming <paramref name="what"/> when the value is not a label.</summary>
    public static void RequireLabel(string value, string what, int maxLength = 63)
    {
        if (value.Length > maxLength)
        {
            throw new DeclarationException(
                $"{what} '{value}' is {value.Length} characters long, longer than the {maxLength} allowed",
                $"use a name of at most {maxLength} characters");
        }

        if (!IsLabel(value, maxLength))
        {
            throw new DeclarationException(
                $"{what} '{value}' is not a DNS-1123 label",
                "use lower-case letters, digits and '-', starting with a letter and ending with a letter or digit, e.g. 'linkding'");
        }
    }

    [GeneratedRegex("^[a-z]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex LabelPattern();
}
