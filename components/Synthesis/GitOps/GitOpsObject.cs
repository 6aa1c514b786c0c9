using System.Buffers;
using System.Text.Json;

namespace PgPlatform.Components.Synthesis.GitOps;

/// <summary>
/// A Kubernetes object as the GitOps tree holds it: its canonical JSON without <c>metadata.namespace</c> (the overlay
/// sets it), cut out of the serialized bytes rather than rebuilt as a tree.
/// </summary>
internal static class GitOpsObject
{
    /// <summary>A buffer per thread for the object while its namespace is cut out.</summary>
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? _scratch;

    /// <summary>The object without its namespace, its <c>kind-name</c> key (kind in lower case) and the namespace it had.</summary>
    public static (string Key, string? Namespace, JsonElement Object) Read(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8);
        string? kind = null, name = null, ns = null;
        (int Start, int End) cut = (-1, -1);
        var inMetadata = false;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == 1)
            {
                inMetadata = false;
            }

            if (reader.TokenType != JsonTokenType.PropertyName || reader.CurrentDepth > 2 || reader.CurrentDepth == 2 && !inMetadata)
            {
                continue;
            }

            var depth = reader.CurrentDepth;
            var start = (int)reader.TokenStartIndex;
            var property = reader.ValueTextEquals("kind"u8) && depth == 1 ? "kind"
                : reader.ValueTextEquals("metadata"u8) && depth == 1 ? "metadata"
                : reader.ValueTextEquals("name"u8) && depth == 2 ? "name"
                : reader.ValueTextEquals("namespace"u8) && depth == 2 ? "namespace"
                : null;
            reader.Read();
            switch (property)
            {
                case "kind" when reader.TokenType == JsonTokenType.String:
                    kind = reader.GetString();
                    break;
                case "metadata":
                    inMetadata = reader.TokenType == JsonTokenType.StartObject;
                    break;
                case "name" when reader.TokenType == JsonTokenType.String:
                    name = reader.GetString();
                    break;
                case "namespace":
                    ns = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                    reader.Skip();
                    cut = (start, (int)reader.BytesConsumed);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        return ($"{kind!.ToLowerInvariant()}-{name}", ns, Parse(utf8, cut));
    }

    /// <summary>Parses <paramref name="utf8"/> without the property at <paramref name="cut"/> and one comma next to it.</summary>
    private static JsonElement Parse(ReadOnlySpan<byte> utf8, (int Start, int End) cut)
    {
        if (cut.Start < 0)
        {
            var whole = new Utf8JsonReader(utf8);
            return JsonElement.ParseValue(ref whole);
        }

        var (start, end) = utf8[cut.Start - 1] == (byte)',' ? (cut.Start - 1, cut.End)
            : utf8[cut.End] == (byte)',' ? (cut.Start, cut.End + 1)
            : cut;
        var output = _scratch ??= new ArrayBufferWriter<byte>(16384);
        output.ResetWrittenCount();
        output.Write(utf8[..start]);
        output.Write(utf8[end..]);
        var reader = new Utf8JsonReader(output.WrittenSpan);
        return JsonElement.ParseValue(ref reader);
    }
}
