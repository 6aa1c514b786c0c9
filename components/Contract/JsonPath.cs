using System.Globalization;
using System.Text.Json;

namespace PgPlatform.Components.Contract;

/// <summary>
/// Reads dotted paths (<c>spec.storage.storageClass</c>) from manifests that may be incomplete or of the wrong shape,
/// straight from parsed JSON (no tree is built). A missing value and JSON <c>null</c> both read as null.
/// </summary>
public static class JsonPath
{
    /// <summary>The value at <paramref name="path"/>, or null when any step is missing, JSON null or not an object.</summary>
    public static JsonElement? Get(JsonElement? node, string path)
    {
        var start = 0;
        while (node is { } current)
        {
            var dot = path.IndexOf('.', start);
            var step = dot < 0 ? path.AsSpan(start) : path.AsSpan(start, dot - start);
            node = current.ValueKind == JsonValueKind.Object && current.TryGetProperty(step, out var child) && child.ValueKind != JsonValueKind.Null ? child : null;
            if (dot < 0)
            {
                return node;
            }

            start = dot + 1;
        }

        return null;
    }

    /// <summary>The string at <paramref name="path"/>, or null.</summary>
    public static string? String(JsonElement? node, string path) => Get(node, path) is { ValueKind: JsonValueKind.String } v ? v.GetString() : null;

    /// <summary>The string under <paramref name="key"/> of a map (keys like <c>cnpg.io/cluster</c> hold dots), or null.</summary>
    public static string? Key(JsonElement? map, string key) =>
        map is { ValueKind: JsonValueKind.Object } obj && obj.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    /// <summary>The integer at <paramref name="path"/>, or null when absent or not a whole number.</summary>
    public static long? Integer(JsonElement? node, string path)
    {
        if (Get(node, path) is not { ValueKind: JsonValueKind.Number } v)
        {
            return null;
        }

        if (v.TryGetInt64(out var l))
        {
            return l;
        }

        return double.TryParse(v.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d == Math.Floor(d) ? (long)d : null;
    }

    /// <summary>True when <paramref name="path"/> holds JSON <c>true</c>.</summary>
    public static bool IsTrue(JsonElement? node, string path) => Get(node, path) is { ValueKind: JsonValueKind.True };

    /// <summary>True when <paramref name="node"/> is an object with the property <paramref name="key"/> (of any value, null included).</summary>
    public static bool Has(JsonElement? node, string key) => node is { ValueKind: JsonValueKind.Object } obj && obj.TryGetProperty(key, out _);

    /// <summary>The items of the array at <paramref name="path"/>, or none.</summary>
    public static IEnumerable<JsonElement> Array(JsonElement? node, string path) =>
        Get(node, path) is { ValueKind: JsonValueKind.Array } a ? a.EnumerateArray() : [];

    /// <summary>The objects of the array at <paramref name="path"/>, with their index.</summary>
    public static IEnumerable<(int Index, JsonElement Item)> Objects(JsonElement? node, string path) =>
        Array(node, path).Select((item, i) => (i, item)).Where(p => p.item.ValueKind == JsonValueKind.Object);
}
