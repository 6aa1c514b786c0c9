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
        using var document = ToDocument(node);
        return Write(document.RootElement);
    }

    /// <summary>Writes one document from JSON already parsed (no tree is built).</summary>
    public static string Write(JsonElement element)
    {
        var text = new StringBuilder(1024);
        WriteDocument(text, element);
        return text.ToString();
    }

    /// <summary>Writes a stream of documents separated by <c>---</c>.</summary>
    public static string WriteAll(IEnumerable<JsonNode?> documents)
    {
        var text = new StringBuilder(4096);
        var first = true;
        foreach (var node in documents)
        {
            if (!first)
            {
                text.Append("---\n");
            }

            using var document = ToDocument(node);
            WriteDocument(text, document.RootElement);
            first = false;
        }

        return text.ToString();
    }

    /// <summary>
    /// Appends one entry of a block mapping at <paramref name="indent"/>, exactly as <see cref="Write(JsonNode?)"/> writes it
    /// inside the mapping: lets a caller stream a large mapping entry by entry instead of building it as one tree.
    /// </summary>
    public static void AppendEntry(StringBuilder text, string key, JsonNode? value, int indent)
    {
        using var document = ToDocument(value);
        AppendEntry(text, key, document.RootElement, indent);
    }

    /// <summary>
    /// Appends the key of a non-empty block mapping at <paramref name="indent"/>; the caller appends its entries
    /// with <see cref="AppendEntry(StringBuilder, string, JsonNode?, int)"/> at <paramref name="indent"/> + 2.
    /// </summary>
    public static void AppendMappingKey(StringBuilder text, string key, int indent)
    {
        text.Append(' ', indent);
        AppendString(text, key);
        text.Append(":\n");
    }

    /// <summary>
    /// The tree as parsed JSON: the writer walks <see cref="JsonElement"/>s only, so that parts of a tree that were
    /// parsed and never changed (a Kubernetes object's canonical JSON) are copied as they are, not materialized.
    /// </summary>
    private static JsonDocument ToDocument(JsonNode? node) => JsonSerializer.SerializeToDocument(node, NodeTypeInfo);

    private static readonly System.Text.Json.Serialization.Metadata.JsonTypeInfo<JsonNode?> NodeTypeInfo =
        (System.Text.Json.Serialization.Metadata.JsonTypeInfo<JsonNode?>)JsonSerializerOptions.Default.GetTypeInfo(typeof(JsonNode));

    private static void AppendEntry(StringBuilder text, string key, JsonElement value, int indent)
    {
        text.Append(' ', indent);
        AppendString(text, key);
        text.Append(':');
        WriteValueAfterKey(text, value, indent, afterDash: false);
    }

    private static bool IsBlock(JsonElement value) =>
        value.ValueKind == JsonValueKind.Object ? value.EnumerateObject().MoveNext()
        : value.ValueKind == JsonValueKind.Array && value.GetArrayLength() > 0;

    private static void WriteDocument(StringBuilder text, JsonElement node)
    {
        if (IsBlock(node))
        {
            WriteBlock(text, node, 0);
        }
        else
        {
            AppendInline(text, node);
            text.Append('\n');
        }
    }

    private static void WriteBlock(StringBuilder text, JsonElement node, int indent)
    {
        if (node.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in node.EnumerateObject())
            {
                AppendEntry(text, property.Name, property.Value, indent);
            }

            return;
        }

        foreach (var item in node.EnumerateArray())
        {
            text.Append(' ', indent).Append('-');
            if (item.ValueKind == JsonValueKind.Object && IsBlock(item))
            {
                // The first key shares the dash's line; the rest align under it.
                var first = true;
                foreach (var property in item.EnumerateObject())
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

                    AppendString(text, property.Name);
                    text.Append(':');
                    WriteValueAfterKey(text, property.Value, indent + 2, afterDash: false);
                }
            }
            else
            {
                WriteValueAfterKey(text, item, indent, afterDash: true);
            }
        }
    }

    private static void WriteValueAfterKey(StringBuilder text, JsonElement value, int indent, bool afterDash)
    {
        if (!IsBlock(value))
        {
            text.Append(' ');
            AppendInline(text, value);
            text.Append('\n');
            return;
        }

        text.Append('\n');

        // A mapping goes one level deeper; a list under a key starts at the key's column, a list in a list one level deeper.
        WriteBlock(text, value, value.ValueKind == JsonValueKind.Object || afterDash ? indent + 2 : indent);
    }

    private static void AppendInline(StringBuilder text, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                text.Append("{}");
                break;
            case JsonValueKind.Array:
                text.Append("[]");
                break;
            case JsonValueKind.String:
                AppendString(text, value.GetString()!);
                break;
            case JsonValueKind.True:
                text.Append("true");
                break;
            case JsonValueKind.False:
                text.Append("false");
                break;
            case JsonValueKind.Number:
                text.Append(value.GetRawText());
                break;
            default:
                text.Append("null");
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
        value.Length > 0 && PlainSafe().IsMatch(value) && !IsAmbiguous(value)
        && !value.Contains(": ", StringComparison.Ordinal) && !value.Contains(" #", StringComparison.Ordinal) && !value.EndsWith(':');

    /// <summary>
    /// <see cref="AmbiguousScalar"/>, without running it for the most common strings: of its alternatives only the
    /// words (null, booleans) start with a letter.
    /// </summary>
    internal static bool IsAmbiguous(string value) =>
        char.IsAsciiLetter(value[0]) ? AmbiguousWords.Contains(value) : AmbiguousScalar().IsMatch(value);

    /// <summary>The alternatives of <see cref="AmbiguousScalar"/> that start with a letter.</summary>
    internal static readonly System.Collections.Frozen.FrozenSet<string> AmbiguousWords = System.Collections.Frozen.FrozenSet.ToFrozenSet(
        ["null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE", "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF"],
        StringComparer.Ordinal);

    /// <summary>Starts with a letter, digit, '/', '.', '_' or '$'; holds no flow or comment characters and no leading or trailing space.</summary>
    [GeneratedRegex(@"^[A-Za-z0-9/._$(][A-Za-z0-9 /._:=@+$~^()<>*,;!%-]*(?<! )$")]
    private static partial Regex PlainSafe();

    /// <summary>Plain scalars a YAML 1.1 reader (Go's yaml packages among them) would not read as a string: null, booleans, numbers, timestamps.</summary>
    [GeneratedRegex(@"^(~|null|Null|NULL|true|True|TRUE|false|False|FALSE|y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF|[-+]?(\d[\d_]*)?\.?\d[\d_:]*([eE][-+]?\d+)?|0x[0-9a-fA-F_]+|0o?[0-7_]+|0b[01_]+|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)|[-+]?\d+(\.\d*)?[eE][-+]?\d+|=|<<|\d{4}-\d\d?-\d\d?([Tt ].*)?)$")]
    internal static partial Regex AmbiguousScalar();
}
