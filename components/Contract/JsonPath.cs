using System.Text.Json;
using System.Text.Json.Nodes;

namespace PgPlatform.Components.Contract;

/// <summary>Reads dotted paths (<c>spec.storage.storageClass</c>) from manifests that may be incomplete or of the wrong shape.</summary>
public static class JsonPath
{
    /// <summary>The node at <paramref name="path"/>, or null when any step is missing or not an object.</summary>
    public static JsonNode? Get(JsonNode? node, string path)
    {
        var start = 0;
        while (node is not null)
        {
            var dot = path.IndexOf('.', start);
            var step = dot < 0 ? path[start..] : path[start..dot];
            node = node is JsonObject obj && obj.TryGetPropertyValue(step, out var child) ? child : null;
            if (dot < 0)
            {
                return node;
            }

            start = dot + 1;
        }

        return null;
    }

    /// <summary>The string at <paramref name="path"/>, or null.</summary>
    public static string? String(JsonNode? node, string path) =>
        Get(node, path) is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    /// <summary>The string under <paramref name="key"/> of a map (keys like <c>cnpg.io/cluster</c> hold dots), or null.</summary>
    public static string? Key(JsonNode? map, string key) =>
        map is JsonObject obj && obj[key] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    /// <summary>The integer at <paramref name="path"/>, or null when absent or not a whole number.</summary>
    public static long? Integer(JsonNode? node, string path)
    {
        if (Get(node, path) is not JsonValue v || v.GetValueKind() != JsonValueKind.Number)
        {
            return null;
        }

        if (v.TryGetValue<long>(out var l))
        {
            return l;
        }

        if (v.TryGetValue<int>(out var i))
        {
            return i;
        }

        return double.TryParse(v.ToJsonString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var d) && d == Math.Floor(d) ? (long)d : null;
    }

    /// <summary>True when <paramref name="path"/> holds JSON <c>true</c>.</summary>
    public static bool IsTrue(JsonNode? node, string path) => Get(node, path) is JsonValue v && v.GetValueKind() == JsonValueKind.True;

    /// <summary>The array at <paramref name="path"/>, or empty.</summary>
    public static IEnumerable<JsonNode?> Array(JsonNode? node, string path) => Get(node, path) is JsonArray a ? a : [];

    /// <summary>The objects of the array at <paramref name="path"/>, with their index.</summary>
    public static IEnumerable<(int Index, JsonObject Item)> Objects(JsonNode? node, string path) =>
        Array(node, path).Select((item, i) => (i, item as JsonObject)).Where(p => p.Item2 is not null).Select(p => (p.i, p.Item2!));
}
