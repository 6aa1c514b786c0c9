using System.Globalization;
using System.Text.Json;

namespace PgPlatform.Components.Serialization;

/// <summary>
/// The YAML 1.2 core-schema type of a plain scalar, written as JSON: <c>null</c>, <c>~</c> and empty are null,
/// <c>true</c>/<c>false</c> (three spellings) booleans, integers and floats numbers, anything else a string.
/// Matched by hand, without regular expressions or intermediate objects: <c>check</c> types millions of scalars.
/// </summary>
internal static class YamlPlainScalar
{
    /// <summary>Writes <paramref name="text"/>, a plain scalar, as the JSON value its type says.</summary>
    public static void Write(Utf8JsonWriter writer, string text)
    {
        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                writer.WriteNullValue();
                return;
            case "true" or "True" or "TRUE":
                writer.WriteBooleanValue(true);
                return;
            case "false" or "False" or "FALSE":
                writer.WriteBooleanValue(false);
                return;
        }

        if (!StartsLikeNumber(text))
        {
            writer.WriteStringValue(text);
            return;
        }

        if (IsInteger(text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            writer.WriteNumberValue(integer);
            return;
        }

        if (IsFloat(text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            if (!double.IsFinite(number))
            {
                throw new FormatException($"the number {text} is out of range (quote it to make it a string)");
            }

            writer.WriteRawValue(number.ToString("R", CultureInfo.InvariantCulture), skipInputValidation: true);
            return;
        }

        writer.WriteStringValue(text);
    }

    private static bool StartsLikeNumber(string text) => text[0] is (>= '0' and <= '9') or '-' or '+' or '.';

    // ^[-+]?[0-9]+$
    private static bool IsInteger(string text)
    {
        var i = text[0] is '-' or '+' ? 1 : 0;
        var digits = Digits(text, i);
        return digits > 0 && i + digits == text.Length;
    }

    // ^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$
    private static bool IsFloat(string text)
    {
        var i = text[0] is '-' or '+' ? 1 : 0;
        if (i < text.Length && text[i] == '.')
        {
            var fraction = Digits(text, i + 1);
            if (fraction == 0)
            {
                return false;
            }

            i += 1 + fraction;
        }
        else
        {
            var whole = Digits(text, i);
            if (whole == 0)
            {
                return false;
            }

            i += whole;
            if (i < text.Length && text[i] == '.')
            {
                i += 1 + Digits(text, i + 1);
            }
        }

        if (i < text.Length && text[i] is 'e' or 'E')
        {
            i++;
            if (i < text.Length && text[i] is '-' or '+')
            {
                i++;
            }

            var exponent = Digits(text, i);
            if (exponent == 0)
            {
                return false;
            }

            i += exponent;
        }

        return i == text.Length;
    }

    private static int Digits(string text, int from)
    {
        var i = from;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        return i - from;
    }
}
