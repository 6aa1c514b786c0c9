using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using PgPlatform.Components.Model;
using PgPlatform.Components.Serialization;

namespace PgPlatform.Components.Synthesis.Pulumi;

/// <summary>
/// Converts model values into Pulumi YAML values. Every literal string has its <c>$</c> doubled, because
/// Pulumi YAML reads <c>${...}</c> as an interpolation and <c>$$</c> as a literal dollar; only
/// <see cref="OutputReference"/>s become interpolations.
/// </summary>
public static class PulumiValues
{
    /// <summary>Escapes every string in a copy of a literal tree.</summary>
    public static JsonNode? Literal(JsonNode? node) => EscapeInPlace(node?.DeepClone());

    /// <summary>
    /// How a Kubernetes object's parsed canonical JSON is written as a Pulumi literal: null when no string in it needs
    /// escaping (most objects are written as parsed), else a rewrite that escapes the strings that do.
    /// </summary>
    public static ScalarRewrite? Rewrite(KubernetesObjectResource resource) => MayNeedEscaping(resource.Utf8Json) ? EscapedOrNull : null;

    /// <summary>The escaped text of a string value, or null when it needs no escaping.</summary>
    private static string? EscapedOrNull(JsonElement value)
    {
        var raw = JsonMarshal.GetRawUtf8Value(value);
        if (!MayNeedEscaping(raw))
        {
            return null;
        }

        var text = value.GetString()!;
        return NeedsEscaping(text) ? Escape(text) : null;
    }

    private static bool NeedsEscaping(string text) => text.Contains('$', StringComparison.Ordinal) || text.Contains(OutputReference.EmbedStart, StringComparison.Ordinal);

    /// <summary>A <c>$</c> or an embedded reference (a <c>$</c> is never escaped in canonical JSON).</summary>
    private static bool MayNeedEscaping(ReadOnlySpan<byte> utf8) => utf8.IndexOf((byte)'$') >= 0 || OutputReference.MayBeEmbeddedIn(utf8);

    /// <summary>Escapes every string of a literal tree the caller owns (a freshly serialized Kubernetes object), in place.</summary>
    public static JsonNode? EscapeInPlace(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Select(p => p.Key).ToList())
                {
                    if (EscapedOrNull(obj[key]) is { } escaped)
                    {
                        obj[key] = escaped;
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (EscapedOrNull(array[i]) is { } escaped)
                    {
                        array[i] = escaped;
                    }
                }

                break;
        }

        return node;
    }

    private static JsonNode? EscapedOrNull(JsonNode? child)
    {
        if (child is JsonValue value && value.GetValueKind() == System.Text.Json.JsonValueKind.String)
        {
            var text = value.GetValue<string>();
            return NeedsEscaping(text) ? JsonValue.Create(Escape(text)) : null;
        }

        EscapeInPlace(child);
        return null;
    }

    /// <summary>Converts a model property value.</summary>
    public static JsonNode? From(object? value) => value switch
    {
        null => null,
        OutputReference reference => JsonValue.Create(reference.ToString()),
        InvokeExpression invoke => new JsonObject
        {
            ["fn::invoke"] = new JsonObject
            {
                ["function"] = invoke.Function,
                ["arguments"] = Map(invoke.Arguments),
                ["return"] = invoke.Return,
            },
        },
        string text => JsonValue.Create(Escape(text)),
        bool flag => JsonValue.Create(flag),
        int number => JsonValue.Create(number),
        long number => JsonValue.Create(number),
        double number => JsonValue.Create(number),
        JsonNode node => Literal(node),
        IReadOnlyDictionary<string, object?> map => Map(map),
        System.Collections.IDictionary map => Map(map.Keys.Cast<object>().ToDictionary(k => k.ToString()!, k => map[k])),
        IEnumerable<object?> list => new JsonArray(list.Select(From).ToArray()),
        _ => throw new ArgumentException($"a {value.GetType().Name} cannot be a Pulumi value", nameof(value)),
    };

    /// <summary>Converts a property map, keys sorted ordinally.</summary>
    public static JsonObject Map(IReadOnlyDictionary<string, object?> map)
    {
        var result = new JsonObject();
        foreach (var (key, value) in map.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (value is not null)
            {
                result[key] = From(value);
            }
        }

        return result;
    }

    /// <summary>Doubles every <c>$</c>, then turns embedded <see cref="OutputReference"/>s into interpolations.</summary>
    public static string Escape(string text)
    {
        var escaped = text.Replace("$", "$$", StringComparison.Ordinal);
        return escaped.Contains(OutputReference.EmbedStart, StringComparison.Ordinal)
            ? escaped.Replace(OutputReference.EmbedStart.ToString(), "${", StringComparison.Ordinal).Replace(OutputReference.EmbedEnd.ToString(), "}", StringComparison.Ordinal)
            : escaped;
    }

    /// <summary>An interpolation of a whole resource, as used in <c>dependsOn</c> and <c>provider</c>.</summary>
    public static string ResourceReference(string name) => string.Create(CultureInfo.InvariantCulture, $"${{{name}}}");
}
