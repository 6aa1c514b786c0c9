using System.Text;
using System.Text.Json.Nodes;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using k8s;

namespace PgPlatform.Components.Serialization;

/// <summary>
/// Turns typed objects into canonical JSON trees: nulls omitted, <c>apiVersion</c>, <c>kind</c>,
/// <c>metadata</c> first and every other key sorted ordinally, as cdk8s does, so output is byte-identical
/// for the same input.
/// </summary>
public static class CanonicalJson
{
    private static readonly string[] HeadKeys = ["apiVersion", "kind", "metadata"];

    /// <summary>
    /// KubernetesClient's serializer options (its converters for quantities, int-or-string, dates), with
    /// properties and dictionary keys emitted in canonical order so that objects need no reordering afterwards.
    /// </summary>
    private static readonly JsonSerializerOptions Options = CreateOptions();

    /// <summary>How trees are read back from serialized bytes: as <see cref="JsonSerializer.SerializeToNode(object?, Type, JsonSerializerOptions?)"/> reads them.</summary>
    private static readonly JsonNodeOptions NodeOptions = new() { PropertyNameCaseInsensitive = Options.PropertyNameCaseInsensitive };

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = Options.AllowTrailingCommas,
        CommentHandling = Options.ReadCommentHandling,
        MaxDepth = Options.MaxDepth,
    };

    /// <summary>Serializes a k8s.Models object or a typed CRD record into a canonical tree.</summary>
    public static JsonObject FromObject(object value) => Parse(ToUtf8(value));

    /// <summary>
    /// Serializes a k8s.Models object or a typed CRD record into canonical compact UTF-8 JSON: the form
    /// synthesis keeps of every object (a byte array costs the garbage collector far less than a tree).
    /// <see cref="Parse"/> of the result equals what <see cref="FromObject"/> returns.
    /// </summary>
    public static byte[] ToUtf8(object value)
    {
        var utf8 = JsonSerializer.SerializeToUtf8Bytes(value, value.GetType(), Options);
        if (IsCanonical(utf8))
        {
            return utf8;
        }

        var node = CanonicalizeInPlace(JsonNode.Parse(utf8, NodeOptions, DocumentOptions))
            ?? throw new InvalidOperationException($"{value.GetType().Name} serialized to null");
        return JsonSerializer.SerializeToUtf8Bytes(node, Options);
    }

    /// <summary>A fresh tree of canonical JSON written by <see cref="ToUtf8"/>, which the caller may change.</summary>
    public static JsonObject Parse(ReadOnlySpan<byte> utf8) =>
        JsonNode.Parse(utf8, NodeOptions, DocumentOptions) as JsonObject
            ?? throw new InvalidOperationException("canonical JSON of a Kubernetes object is not an object");

    private static JsonSerializerOptions CreateOptions()
    {
        JsonSerializerOptions? kubernetes = null;
        KubernetesJson.AddJsonOptions(o => kubernetes = o);
        var options = new JsonSerializerOptions(kubernetes ?? throw new InvalidOperationException("KubernetesClient exposed no serializer options"));
        options.TypeInfoResolver = (options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(OrderProperties);
        options.Converters.Insert(0, new OrdinalDictionaryConverterFactory());
        return options;
    }

    private static void OrderProperties(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        // Only a whole object (apiVersion, kind and metadata) has its head keys first; nested types are ordinal throughout.
        var whole = HeadKeys.All(k => info.Properties.Any(p => p.Name == k));
        var ordered = info.Properties.OrderBy(p => whole && Array.IndexOf(HeadKeys, p.Name) is var rank and >= 0 ? rank - HeadKeys.Length : 0)
            .ThenBy(p => p.Name, StringComparer.Ordinal).ToList();
        for (var i = 0; i < ordered.Count; i++)
        {
            ordered[i].Order = i;
        }
    }

    /// <summary>Returns a deep copy of <paramref name="node"/> with keys ordered canonically and nulls dropped.</summary>
    public static JsonNode? Canonicalize(JsonNode? node) => CanonicalizeInPlace(node?.DeepClone());

    /// <summary>Orders the keys of <paramref name="node"/> canonically and drops nulls, in place (no copies: synthesis of large fleets depends on it).</summary>
    public static JsonNode? CanonicalizeInPlace(JsonNode? node, bool topLevel = true)
    {
        switch (node)
        {
            case JsonObject obj:
            {
                if (InOrder(obj, topLevel))
                {
                    foreach (var (_, value) in obj)
                    {
                        CanonicalizeInPlace(value, topLevel: false);
                    }

                    break;
                }

                var properties = obj.Where(p => p.Value is not null).ToList();
                obj.Clear();
                properties.Sort((a, b) => Compare(a.Key, b.Key, topLevel));
                foreach (var (key, value) in properties)
                {
                    obj.Add(key, CanonicalizeInPlace(value, topLevel: false));
                }

                break;
            }

            case JsonArray array:
                foreach (var item in array)
                {
                    CanonicalizeInPlace(item, topLevel: false);
                }

                break;
        }

        return node;
    }

    /// <summary>True when <paramref name="utf8"/> holds an object whose keys are in canonical order at every level and whose properties are never null.</summary>
    private static bool IsCanonical(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8);

        // The previous key of every open object, as its place in utf8 (Start < 0: none yet); keys are compared where they lie.
        var previous = new Stack<(int Start, int Length)>();
        var afterKey = false;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    previous.Push((-1, 0));
                    break;
                case JsonTokenType.EndObject:
                    previous.Pop();
                    break;
                case JsonTokenType.PropertyName:
                    var start = (int)reader.TokenStartIndex + 1;
                    var key = reader.ValueSpan;
                    if (reader.ValueIsEscaped || !utf8.Slice(start, key.Length).SequenceEqual(key) || !Ascii.IsValid(key))
                    {
                        // Not ASCII as written: the byte order of the keys need not be their ordinal order.
                        return false;
                    }

                    if (previous.Peek() is ({ } lastStart and >= 0, var lastLength)
                        && Compare(utf8.Slice(lastStart, lastLength), key, topLevel: reader.CurrentDepth == 1) >= 0)
                    {
                        return false;
                    }

                    previous.Pop();
                    previous.Push((start, key.Length));
                    break;
                case JsonTokenType.Null when afterKey:
                    return false;
            }

            afterKey = reader.TokenType == JsonTokenType.PropertyName;
        }

        return true;
    }

    /// <summary><see cref="Compare(string, string, bool)"/> of two ASCII keys given as bytes.</summary>
    private static int Compare(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, bool topLevel)
    {
        if (topLevel)
        {
            var rankA = HeadRank(a);
            var rankB = HeadRank(b);
            if (rankA >= 0 || rankB >= 0)
            {
                return (rankA < 0 ? int.MaxValue : rankA).CompareTo(rankB < 0 ? int.MaxValue : rankB);
            }
        }

        return a.SequenceCompareTo(b);
    }

    private static int HeadRank(ReadOnlySpan<byte> key) =>
        key.SequenceEqual("apiVersion"u8) ? 0 : key.SequenceEqual("kind"u8) ? 1 : key.SequenceEqual("metadata"u8) ? 2 : -1;

    private static bool InOrder(JsonObject obj, bool topLevel)
    {
        string? previous = null;
        foreach (var (key, value) in obj)
        {
            if (value is null || previous is not null && Compare(previous, key, topLevel) >= 0)
            {
                return false;
            }

            previous = key;
        }

        return true;
    }

    private static int Compare(string a, string b, bool topLevel)
    {
        if (topLevel)
        {
            var rankA = Array.IndexOf(HeadKeys, a);
            var rankB = Array.IndexOf(HeadKeys, b);
            if (rankA >= 0 || rankB >= 0)
            {
                return (rankA < 0 ? int.MaxValue : rankA).CompareTo(rankB < 0 ? int.MaxValue : rankB);
            }
        }

        return string.CompareOrdinal(a, b);
    }
}
