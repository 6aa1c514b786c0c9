using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace PgPlatform.Components.Serialization;

/// <summary>
/// The one configured YAML writer: block style, two-space indentation, <c>\n</c> newlines, keys in the
/// order of the tree (see <see cref="CanonicalJson"/>). A string is written plain only when it is
/// unmistakably a string to YAML 1.1 and 1.2 readers; otherwise it is double-quoted ("true", "yes",
/// "1.0", "0755", "", "a: b", multi-line text). Written by hand, straight to UTF-8, because synthesis of
/// large fleets is dominated by YAML emission.
/// </summary>
public static partial class YamlWriter
{
    private static readonly byte[] Spaces = Enumerable.Repeat((byte)' ', 64).ToArray();

    /// <summary>A buffer per thread, reused for every document written to a byte array.</summary>
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? _scratch;

    /// <summary>Writes one document.</summary>
    public static string Write(JsonNode? node) => Encoding.UTF8.GetString(WriteUtf8(node));

    /// <summary>Writes one document from JSON already parsed (no tree is built).</summary>
    public static string Write(JsonElement element) => Encoding.UTF8.GetString(WriteUtf8(element));

    /// <summary>Writes one document as UTF-8, byte for byte what <see cref="Write(JsonNode?)"/> writes.</summary>
    public static byte[] WriteUtf8(JsonNode? node)
    {
        using var document = ToDocument(node);
        return WriteUtf8(document.RootElement);
    }

    /// <summary>Writes one document from JSON already parsed as UTF-8, byte for byte what <see cref="Write(JsonElement)"/> writes.</summary>
    public static byte[] WriteUtf8(JsonElement element)
    {
        return Utf8(output => WriteDocument(output, element));
    }

    /// <summary>Writes a stream of documents separated by <c>---</c>.</summary>
    public static string WriteAll(IEnumerable<JsonNode?> documents)
    {
        var output = new ArrayBufferWriter<byte>(4096);
        var first = true;
        foreach (var node in documents)
        {
            if (!first)
            {
                output.Write("---\n"u8);
            }

            using var document = ToDocument(node);
            WriteDocument(output, document.RootElement);
            first = false;
        }

        return Encoding.UTF8.GetString(output.WrittenSpan);
    }

    /// <summary>
    /// Appends one entry of a block mapping at <paramref name="indent"/>, exactly as <see cref="Write(JsonNode?)"/> writes it
    /// inside the mapping: lets a caller stream a large mapping entry by entry instead of building it as one tree.
    /// </summary>
    public static void AppendEntry(ArrayBufferWriter<byte> output, string key, JsonNode? value, int indent)
    {
        using var document = ToDocument(value);
        AppendIndent(output, indent);
        YamlScalar.Append(output, key);
        YamlScalar.Put(output, (byte)':');
        WriteValueAfterKey(output, document.RootElement, indent, afterDash: false);
    }

    /// <summary>One entry as <see cref="AppendEntry"/> appends it, as its own UTF-8 bytes (to be appended later, in order).</summary>
    public static byte[] EntryUtf8(string key, JsonNode? value, int indent) => Utf8(output => AppendEntry(output, key, value, indent));

    /// <summary>What <paramref name="write"/> appends, as its own UTF-8 bytes (written into a buffer reused per thread).</summary>
    public static byte[] Utf8(Action<ArrayBufferWriter<byte>> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var output = _scratch ??= new ArrayBufferWriter<byte>(16384);
        output.ResetWrittenCount();
        write(output);
        return output.WrittenSpan.ToArray();
    }

    /// <summary>
    /// Appends the key of a non-empty block mapping at <paramref name="indent"/>; the caller appends its entries
    /// with <see cref="AppendEntry(ArrayBufferWriter{byte}, string, JsonNode?, int)"/> at <paramref name="indent"/> + 2.
    /// </summary>
    public static void AppendMappingKey(ArrayBufferWriter<byte> output, string key, int indent)
    {
        AppendIndent(output, indent);
        YamlScalar.Append(output, key);
        output.Write(":\n"u8);
    }

    /// <summary>
    /// The tree as parsed JSON: the writer walks <see cref="JsonElement"/>s only, so that parts of a tree that were
    /// parsed and never changed (a Kubernetes object's canonical JSON) are copied as they are, not materialized.
    /// </summary>
    private static JsonDocument ToDocument(JsonNode? node) => JsonSerializer.SerializeToDocument(node, NodeTypeInfo);

    private static readonly System.Text.Json.Serialization.Metadata.JsonTypeInfo<JsonNode?> NodeTypeInfo =
        (System.Text.Json.Serialization.Metadata.JsonTypeInfo<JsonNode?>)JsonSerializerOptions.Default.GetTypeInfo(typeof(JsonNode));

    private static void AppendIndent(ArrayBufferWriter<byte> output, int indent)
    {
        for (var left = indent; left > 0; left -= Spaces.Length)
        {
            output.Write(Spaces.AsSpan(0, Math.Min(left, Spaces.Length)));
        }
    }

    private static void AppendKey(ArrayBufferWriter<byte> output, JsonProperty property)
    {
        var raw = JsonMarshal.GetRawUtf8PropertyName(property);
        if (raw.IndexOf((byte)'\\') >= 0)
        {
            YamlScalar.Append(output, property.Name);
        }
        else
        {
            YamlScalar.Append(output, raw);
        }

        YamlScalar.Put(output, (byte)':');
    }

    private static bool IsBlock(JsonElement value) =>
        value.ValueKind == JsonValueKind.Object ? value.EnumerateObject().MoveNext()
        : value.ValueKind == JsonValueKind.Array && value.GetArrayLength() > 0;

    private static void WriteDocument(ArrayBufferWriter<byte> output, JsonElement node)
    {
        if (IsBlock(node))
        {
            WriteBlock(output, node, 0, rewrite: null);
        }
        else
        {
            AppendInline(output, node);
            YamlScalar.Put(output, (byte)'\n');
        }
    }

    private static void WriteBlock(ArrayBufferWriter<byte> output, JsonElement node, int indent, ScalarRewrite? rewrite)
    {
        if (node.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in node.EnumerateObject())
            {
                AppendIndent(output, indent);
                AppendKey(output, property);
                WriteValueAfterKey(output, property.Value, indent, afterDash: false, rewrite);
            }

            return;
        }

        foreach (var item in node.EnumerateArray())
        {
            AppendItem(output, item, indent, rewrite);
        }
    }

    /// <summary>
    /// Appends one item of a block sequence at <paramref name="indent"/>, exactly as <see cref="Write(JsonElement)"/> writes it
    /// inside the sequence: lets a caller write a sequence of JSON it already holds as parsed UTF-8, item by item.
    /// <paramref name="rewrite"/>, when given, may replace the text of any string value.
    /// </summary>
    public static void AppendItem(ArrayBufferWriter<byte> output, JsonElement item, int indent, ScalarRewrite? rewrite = null)
    {
        AppendIndent(output, indent);
        YamlScalar.Put(output, (byte)'-');
        if (item.ValueKind == JsonValueKind.Object && IsBlock(item))
        {
            // The first key shares the dash's line; the rest align under it.
            var first = true;
            foreach (var property in item.EnumerateObject())
            {
                if (first)
                {
                    YamlScalar.Put(output, (byte)' ');
                    first = false;
                }
                else
                {
                    AppendIndent(output, indent + 2);
                }

                AppendKey(output, property);
                WriteValueAfterKey(output, property.Value, indent + 2, afterDash: false, rewrite);
            }
        }
        else
        {
            WriteValueAfterKey(output, item, indent, afterDash: true, rewrite);
        }
    }

    private static void WriteValueAfterKey(ArrayBufferWriter<byte> output, JsonElement value, int indent, bool afterDash, ScalarRewrite? rewrite = null)
    {
        if (!IsBlock(value))
        {
            YamlScalar.Put(output, (byte)' ');
            AppendInline(output, value, rewrite);
            YamlScalar.Put(output, (byte)'\n');
            return;
        }

        YamlScalar.Put(output, (byte)'\n');

        // A mapping goes one level deeper; a list under a key starts at the key's column, a list in a list one level deeper.
        WriteBlock(output, value, value.ValueKind == JsonValueKind.Object || afterDash ? indent + 2 : indent, rewrite);
    }

    private static void AppendInline(ArrayBufferWriter<byte> output, JsonElement value, ScalarRewrite? rewrite = null)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                output.Write("{}"u8);
                break;
            case JsonValueKind.Array:
                output.Write("[]"u8);
                break;
            case JsonValueKind.String when rewrite?.Invoke(value) is { } text:
                YamlScalar.Append(output, text);
                break;
            case JsonValueKind.String:
                var raw = JsonMarshal.GetRawUtf8Value(value);
                if (raw.Length >= 2 && raw[0] == (byte)'"')
                {
                    raw = raw[1..^1];
                }

                if (raw.IndexOf((byte)'\\') >= 0)
                {
                    YamlScalar.Append(output, value.GetString()!);
                }
                else
                {
                    YamlScalar.Append(output, raw);
                }

                break;
            case JsonValueKind.True:
                output.Write("true"u8);
                break;
            case JsonValueKind.False:
                output.Write("false"u8);
                break;
            case JsonValueKind.Number:
                output.Write(JsonMarshal.GetRawUtf8Value(value));
                break;
            default:
                output.Write("null"u8);
                break;
        }
    }

    /// <summary>
    /// <see cref="AmbiguousScalar"/>, without running it for the most common strings: of its alternatives only the
    /// words (null, booleans) start with a letter.
    /// </summary>
    internal static bool IsAmbiguous(ReadOnlySpan<char> value) =>
        char.IsAsciiLetter(value[0]) ? AmbiguousWordLookup.Contains(value) : AmbiguousScalar().IsMatch(value);

    /// <summary>The alternatives of <see cref="AmbiguousScalar"/> that start with a letter.</summary>
    internal static readonly System.Collections.Frozen.FrozenSet<string> AmbiguousWords = System.Collections.Frozen.FrozenSet.ToFrozenSet(
        ["null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE", "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF"],
        StringComparer.Ordinal);

    private static readonly System.Collections.Frozen.FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> AmbiguousWordLookup =
        AmbiguousWords.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Plain scalars a YAML 1.1 reader (Go's yaml packages among them) would not read as a string: null, booleans, numbers, timestamps.</summary>
    [GeneratedRegex(@"^(~|null|Null|NULL|true|True|TRUE|false|False|FALSE|y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF|[-+]?(\d[\d_]*)?\.?\d[\d_:]*([eE][-+]?\d+)?|0x[0-9a-fA-F_]+|0o?[0-7_]+|0b[01_]+|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)|[-+]?\d+(\.\d*)?[eE][-+]?\d+|=|<<|\d{4}-\d\d?-\d\d?([Tt ].*)?)$")]
    internal static partial Regex AmbiguousScalar();
}
