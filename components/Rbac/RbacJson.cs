using System.Text.Json.Nodes;

namespace PgPlatform.Components.Rbac;

/// <summary>Tolerant readers for RBAC manifests: a field of the wrong shape reads as absent, the way the API server would have rejected it.</summary>
internal static class RbacJson
{
    /// <summary>The string property <paramref name="name"/> of <paramref name="node"/>, or null.</summary>
    public static string? String(JsonNode? node, string name) =>
        node is JsonObject obj && obj[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    /// <summary>The object property <paramref name="name"/> of <paramref name="node"/>, or null.</summary>
    public static JsonObject? Object(JsonNode? node, string name) =>
        node is JsonObject obj ? obj[name] as JsonObject : null;

    /// <summary>The array property <paramref name="name"/> of <paramref name="node"/>, or null.</summary>
    public static JsonArray? Array(JsonNode? node, string name) =>
        node is JsonObject obj ? obj[name] as JsonArray : null;

    /// <summary>The strings of the array property <paramref name="name"/>; non-string items are skipped.</summary>
    public static IReadOnlyList<string> Strings(JsonNode? node, string name)
    {
        if (Array(node, name) is not { } array)
        {
            return [];
        }

        var result = new List<string>(array.Count);
        foreach (var item in array)
        {
            if (item is JsonValue v && v.TryGetValue<string>(out var s))
            {
                result.Add(s);
            }
        }

        return result;
    }

    /// <summary>The string-to-string map at property <paramref name="name"/> (labels, matchLabels); non-string values are skipped.</summary>
    public static IReadOnlyDictionary<string, string> StringMap(JsonNode? node, string name)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Object(node, name) is { } map)
        {
            foreach (var (key, value) in map)
            {
                if (value is JsonValue v && v.TryGetValue<string>(out var s))
                {
                    result[key] = s;
                }
            }
        }

        return result;
    }
}
