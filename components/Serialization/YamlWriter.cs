using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace PgPlatform.Components.Serialization;

/// <summary>
/// The one configured YAML writer: block style, two-space indentation, <c>\n</c> newlines, keys in the
/// order of the tree (see <see cref="CanonicalJson"/>), and strings quoted whenever a YAML 1.1 or 1.2
/// reader could take them for another type ("true", "yes", "1.0", "0755", "null", "").
/// </summary>
public static partial class YamlWriter
{
    /// <summary>Writes one document.</summary>
    public static string Write(JsonNode? node) => WriteAll([node]);

    /// <summary>Writes a stream of documents separated by <c>---</c>.</summary>
    public static string WriteAll(IEnumerable<JsonNode?> documents)
    {
        var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        var emitter = new Emitter(text, new EmitterSettings(bestIndent: 2, bestWidth: int.MaxValue, isCanonical: false, maxSimpleKeyLength: 1024, indentSequences: false));
        emitter.Emit(new StreamStart());
        var first = true;
        foreach (var document in documents)
        {
            emitter.Emit(new DocumentStart(null, null, isImplicit: first));
            WriteNode(emitter, document);
            emitter.Emit(new DocumentEnd(isImplicit: true));
            first = false;
        }

        emitter.Emit(new StreamEnd());
        return text.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    private static void WriteNode(IEmitter emitter, JsonNode? node)
    {
        switch (node)
        {
            case null:
                emitter.Emit(new Scalar(null, null, "null", ScalarStyle.Plain, true, false));
                break;
            case JsonObject obj:
                emitter.Emit(new MappingStart(null, null, true, MappingStyle.Block));
                foreach (var (key, value) in obj)
                {
                    WriteString(emitter, key);
                    WriteNode(emitter, value);
                }

                emitter.Emit(new MappingEnd());
                break;
            case JsonArray array:
                emitter.Emit(new SequenceStart(null, null, true, array.Count == 0 ? SequenceStyle.Flow : SequenceStyle.Block));
                foreach (var item in array)
                {
                    WriteNode(emitter, item);
                }

                emitter.Emit(new SequenceEnd());
                break;
            case JsonValue value:
                WriteValue(emitter, value);
                break;
        }
    }

    private static void WriteValue(IEmitter emitter, JsonValue value)
    {
        var kind = value.GetValueKind();
        var text = kind switch
        {
            JsonValueKind.String => null,
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            JsonValueKind.Number => value.ToJsonString(),
            _ => "null",
        };
        if (text is null)
        {
            WriteString(emitter, value.GetValue<string>());
        }
        else
        {
            emitter.Emit(new Scalar(null, null, text, ScalarStyle.Plain, true, false));
        }
    }

    private static void WriteString(IEmitter emitter, string text)
    {
        var style = NeedsQuotes(text)
            ? ScalarStyle.DoubleQuoted
            : text.Contains('\n') ? ScalarStyle.Literal : ScalarStyle.Any;
        emitter.Emit(new Scalar(null, null, text, style, true, true));
    }

    private static bool NeedsQuotes(string text) =>
        text.Length == 0
        || AmbiguousScalar().IsMatch(text)
        || text.Trim() != text && !text.Contains('\n')
        || text.Contains('\n') && (text.StartsWith(' ') || text.EndsWith(' ') || text.Contains("\t", StringComparison.Ordinal));

    [GeneratedRegex(@"^(~|null|Null|NULL|true|True|TRUE|false|False|FALSE|y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF|[-+]?(\d[\d_]*)?\.?\d[\d_:]*([eE][-+]?\d+)?|0x[0-9a-fA-F_]+|0o?[0-7_]+|0b[01_]+|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)|[-+]?\d+(\.\d*)?[eE][-+]?\d+|=|<<)$")]
    private static partial Regex AmbiguousScalar();
}
