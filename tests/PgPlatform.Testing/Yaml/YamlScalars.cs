using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PgPlatform.Testing.Yaml;

/// <summary>Resolves one YAML scalar to a JSON value using the YAML 1.2 core schema.</summary>
internal static partial class YamlScalars
{
    private const string TagPrefix = "tag:yaml.org,2002:";

    public static JsonNode? ToJson(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? string.Empty;

        if (!scalar.Tag.IsEmpty)
        {
            return FromExplicitTag(scalar.Tag.Value, text, scalar);
        }

        // Quoted and block scalars are always strings: that is how authors say "this is text".
        return scalar.Style == ScalarStyle.Plain ? ResolvePlain(text) : JsonValue.Create(text);
    }

    private static JsonNode? FromExplicitTag(string tag, string text, YamlScalarNode scalar)
    {
        switch (tag)
        {
            case TagPrefix + "str":
            case "!":
                return JsonValue.Create(text);
            case TagPrefix + "null":
                return null;
            case TagPrefix + "bool":
                return IsTrue(text) ? JsonValue.Create(true)
                    : IsFalse(text) ? JsonValue.Create(false)
                    : throw new InvalidDataException($"'{text}' is not a boolean (at {scalar.Start}).");
            case TagPrefix + "int":
            case TagPrefix + "float":
                return TryNumber(text) ?? throw new InvalidDataException($"'{text}' is not a number (at {scalar.Start}).");
            default:
                // Application tags (e.g. !Ref) mean nothing to Kubernetes or Pulumi; keep the text.
                return JsonValue.Create(text);
        }
    }

    private static JsonNode? ResolvePlain(string text)
    {
        if (text is "" or "~" or "null" or "Null" or "NULL")
        {
            return null;
        }

        if (IsTrue(text))
        {
            return JsonValue.Create(true);
        }

        if (IsFalse(text))
        {
            return JsonValue.Create(false);
        }

        return TryNumber(text) ?? JsonValue.Create(text);
    }

    private static bool IsTrue(string text) => text is "true" or "True" or "TRUE";

    private static bool IsFalse(string text) => text is "false" or "False" or "FALSE";

    private static JsonNode? TryNumber(string text)
    {
        if (HexInt().IsMatch(text))
        {
            return JsonValue.Create(System.Convert.ToInt64(text[2..], 16));
        }

        if (OctalInt().IsMatch(text))
        {
            return JsonValue.Create(System.Convert.ToInt64(text[2..], 8));
        }

        var match = DecimalNumber().Match(text);
        if (!match.Success)
        {
            // .inf and .nan are YAML floats but have no JSON form; they stay strings.
            return null;
        }

        // Re-spell the number as JSON (no '+', no leading zeros, digits on both sides of '.')
        // and parse that text, so 1.0 stays a float and 10 stays an integer downstream.
        var sign = match.Groups["sign"].Value == "-" ? "-" : string.Empty;
        var integer = match.Groups["int"].Value.TrimStart('0');
        var json = sign + (integer.Length == 0 ? "0" : integer);
        if (match.Groups["dot"].Success)
        {
            var fraction = match.Groups["frac"].Value;
            json += "." + (fraction.Length == 0 ? "0" : fraction);
        }

        json += match.Groups["exp"].Value;
        return JsonNode.Parse(json);
    }

    [GeneratedRegex("^0x[0-9a-fA-F]+$", RegexOptions.CultureInvariant)]
    private static partial Regex HexInt();

    [GeneratedRegex("^0o[0-7]+$", RegexOptions.CultureInvariant)]
    private static partial Regex OctalInt();

    [GeneratedRegex(@"^(?<sign>[-+]?)(?:(?<int>[0-9]+)(?<dot>\.(?<frac>[0-9]*))?|(?<int>)(?<dot>\.(?<frac>[0-9]+)))(?<exp>[eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DecimalNumber();
}
