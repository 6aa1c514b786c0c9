using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace PgPlatform.Components.Serialization;

/// <summary>
/// The one configured YAML writer: block style, two-space indentation, <c>\n</c> newlines, keys in the
/// order of the tree (see <see cref="CanonicalJson"/>). A string is written plain only when it is
/// unmistakably a string to YAML 1.1 and 1.2 readers; otherwise it is double-quoted ("true", "yes",
/// "1.0", "0755", "", "a: b", multi-line text). Written by hand because synthesis of large fleets is
/// dominated by YAML emission.
/// </summary>
public static partial class YamlWriter
{
    /// <summary>Writes one document.</summary>
    public static string Write(JsonNode? node)
    {
        var text = new StringBuilder(1024);
        WriteDocument(text, node);
        return text.ToString();
    }

    /// <summary>Writes a stream of documents separated by <c>---</c>.</summary>
    public static string WriteAll(IEnumerable<JsonNode?> documents)
    {
        var text = new StringBuilder(4096);
        var first = true;
        foreach (var document in documents)
        {
            if (!first)
            {
                text.Append("---\n");
            }

            WriteDocument(text, document);
            first = false;
        }

        return text.ToString();
    }

    /// <summary>
    /// Appends one entry of a block mapping at <paramref name="indent"/>, exactly as <see cref="Write"/> writes it
    /// inside the mapping: lets a caller stream a large mapping entry by entry instead of building it as one tree.
    /// </summary>
    public static void AppendEntry(StringBuilder text, string key, JsonNode? value, int indent)
    {
        text.Append(' ', indent);
        AppendString(text, key);
        text.Append(':');
        WriteValueAfterKey(text, value, indent, afterDash: false);
    }

    /// <summary>
    /// Appends the key of a non-empty block mapping at <paramref name="indent"/>; the caller appends its entries
    /// with <see cref="AppendEntry"/> at <paramref name="indent"/> + 2.
    /// </summary>
    public static void AppendMappingKey(StringBuilder text, string key, int indent)
    {
        text.Append(' ', indent);
        AppendString(text, key);
        text.Append(":\n");
    }

    private static void WriteDocument(StringBuilder text, JsonNode? node)
    {
        if (node is JsonObject { Count: > 0 } or JsonArray { Count: > 0 })
        {
            WriteBlock(text, node, 0);
        }
        else
        {
            AppendInline(text, node);
            text.Append('\n');
        }
    }

    private static void WriteBlock(StringBuilder text, JsonNode node, int indent)
    {
        if (node is JsonObject obj)
        {
            foreach (var (key, value) in obj)
            {
                AppendEntry(text, key, value, indent);
            }

            return;
        }

        foreach (var item in (JsonArray)node)
        {
            text.Append(' ', indent).Append('-');
            if (item is JsonObject { Count: > 0 } itemObject)
            {
                // The first key shares the dash's line; the rest align under it.
                var first = true;
                foreach (var (key, value) in itemObject)
                {
                    if (first)
                    {
                        text.Append(' ');
                        first = false;
                    }
                    else
                    {
                        text.Append(' ', indent + 2);
                    }

                    AppendString(text, key);
                    text.Append(':');
                    WriteValueAfterKey(text, value, indent + 2, afterDash: false);
                }
            }
            else
            {
                WriteValueAfterKey(text, item, indent, afterDash: true);
            }
        }
    }

    private static void WriteValueAfterKey(StringBuilder text, JsonNode? value, int indent, bool afterDash)
    {
        switch (value)
        {
            case JsonObject { Count: > 0 } obj:
                text.Append('\n');
                WriteBlock(text, obj, indent + 2);
                break;
            case JsonArray { Count: > 0 } array:
                text.Append('\n');
                // A list under a key starts at the key's column; a list in a list one level deeper.
                WriteBlock(text, array, afterDash ? indent + 2 : indent);
                break;
            default:
                text.Append(' ');
                AppendInline(text, value);
                text.Append('\n');
                break;
        }
    }

    private static void AppendInline(StringBuilder text, JsonNode? value)
    {
        switch (value)
        {
            case null:
                text.Append("null");
                break;
            case JsonObject:
                text.Append("{}");
                break;
            case JsonArray:
                text.Append("[]");
                break;
            case JsonValue scalar:
                switch (scalar.GetValueKind())
                {
                    case JsonValueKind.String:
                        AppendString(text, scalar.GetValue<string>());
                        break;
                    case JsonValueKind.True:
                        text.Append("true");
                        break;
                    case JsonValueKind.False:
                        text.Append("false");
                        break;
                    case JsonValueKind.Number:
                        text.Append(scalar.ToJsonString());
                        break;
                    default:
                        text.Append("null");
                        break;
                }

                break;
        }
    }

    private static void AppendString(StringBuilder text, string value)
    {
        if (IsSafePlain(value))
        {
            text.Append(value);
            return;
        }

        text.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                default:
                    if (char.IsControl(c))
                    {
                        text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        text.Append(c);
                    }

                    break;
            }
        }

        text.Append('"');
    }

    private static bool IsSafePlain(string value) =>
        value.Length > 0 && PlainSafe().IsMatch(value) && !AmbiguousScalar().IsMatch(value)
        && !value.Contains(": ", StringComparison.Ordinal) && !value.Contains(" #", StringComparison.Ordinal) && !value.EndsWith(':');

    /// <summary>Starts with a letter, digit, '/', '.', '_' or '$'; holds no flow or comment characters and no leading or trailing space.</summary>
    [GeneratedRegex(@"^[A-Za-z0-9/._$(][A-Za-z0-9 /._:=@+$~^()<>*,;!%-]*(?<! )$")]
    private static partial Regex PlainSafe();

    /// <summary>Plain scalars a YAML 1.1 reader (Go's yaml packages among them) would not read as a string: null, booleans, numbers, timestamps.</summary>
    [GeneratedRegex(@"^(~|null|Null|NULL|true|True|TRUE|false|False|FALSE|y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF|[-+]?(\d[\d_]*)?\.?\d[\d_:]*([eE][-+]?\d+)?|0x[0-9a-fA-F_]+|0o?[0-7_]+|0b[01_]+|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)|[-+]?\d+(\.\d*)?[eE][-+]?\d+|=|<<|\d{4}-\d\d?-\d\d?([Tt ].*)?)$")]
    private static partial Regex AmbiguousScalar();
}
