using System.Text.Json;
using System.Text.Json.Nodes;

namespace PgPlatform.Components.Synthesis.GitOps;

/// <summary>
/// Computes the RFC 6902 operations that turn one object into another. Arrays are replaced whole:
/// that is exact for every kind, built-in or custom, whatever its merge keys.
/// </summary>
public static class JsonPatchDiff
{
    /// <summary>Operations turning <paramref name="from"/> into <paramref name="to"/>, in a stable order.</summary>
    public static JsonArray Diff(JsonObject from, JsonObject to) =>
        Diff(JsonSerializer.SerializeToElement<JsonNode>(from), JsonSerializer.SerializeToElement<JsonNode>(to));

    /// <summary>Operations turning object <paramref name="from"/> into object <paramref name="to"/>, in a stable order, compared as parsed.</summary>
    public static JsonArray Diff(JsonElement from, JsonElement to)
    {
        var ops = new JsonArray();
        DiffObjects(from, to, "", ops);
        return ops;
    }

    private static void DiffObjects(JsonElement from, JsonElement to, string path, JsonArray ops)
    {
        // Equal objects (most of them, and most parts of the rest) give no operations: skip them without walking them key by key.
        if (JsonElement.DeepEquals(from, to))
        {
            return;
        }

        foreach (var property in from.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            if (!to.TryGetProperty(property.Name, out var target))
            {
                ops.Add(new JsonObject { ["op"] = "remove", ["path"] = Child(path, property.Name) });
            }
            else if (property.Value.ValueKind == JsonValueKind.Object && target.ValueKind == JsonValueKind.Object)
            {
                DiffObjects(property.Value, target, Child(path, property.Name), ops);
            }
            else if (!JsonElement.DeepEquals(property.Value, target))
            {
                ops.Add(new JsonObject { ["op"] = "replace", ["path"] = Child(path, property.Name), ["value"] = JsonSerializer.SerializeToNode(target) });
            }
        }

        foreach (var property in to.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            if (!from.TryGetProperty(property.Name, out _))
            {
                ops.Add(new JsonObject { ["op"] = "add", ["path"] = Child(path, property.Name), ["value"] = JsonSerializer.SerializeToNode(property.Value) });
            }
        }
    }

    private static string Child(string path, string key) => $"{path}/{Escape(key)}";

    private static string Escape(string key) => key.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}
