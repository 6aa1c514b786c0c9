using System.Text.Json.Nodes;

namespace PgPlatform.Components.Synthesis.GitOps;

/// <summary>
/// Computes the RFC 6902 operations that turn one object into another. Arrays are replaced whole:
/// that is exact for every kind, built-in or custom, whatever its merge keys.
/// </summary>
public static class JsonPatchDiff
{
    /// <summary>Operations turning <paramref name="from"/> into <paramref name="to"/>, in a stable order.</summary>
    public static JsonArray Diff(JsonObject from, JsonObject to)
    {
        var ops = new JsonArray();
        DiffObjects(from, to, "", ops);
        return ops;
    }

    private static void DiffObjects(JsonObject from, JsonObject to, string path, JsonArray ops)
    {
        foreach (var (key, value) in from.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var child = $"{path}/{Escape(key)}";
            if (!to.TryGetPropertyValue(key, out var target))
            {
                ops.Add(new JsonObject { ["op"] = "remove", ["path"] = child });
            }
            else if (value is JsonObject a && target is JsonObject b)
            {
                DiffObjects(a, b, child, ops);
            }
            else if (!JsonNode.DeepEquals(value, target))
            {
                ops.Add(new JsonObject { ["op"] = "replace", ["path"] = child, ["value"] = target?.DeepClone() });
            }
        }

        foreach (var (key, value) in to.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (!from.ContainsKey(key))
            {
                ops.Add(new JsonObject { ["op"] = "add", ["path"] = $"{path}/{Escape(key)}", ["value"] = value?.DeepClone() });
            }
        }
    }

    private static string Escape(string key) => key.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}
