using System.Globalization;
using System.Text.Json.Nodes;

namespace PgPlatform.Infra.Tests.Commands;

/// <summary>
/// What <c>pulumi config set [--path] KEY VALUE</c> calls leave in a stack's config, as documented for the CLI:
/// a path (<c>ns:list[0].map.key</c>) builds lists and maps, where "true"/"false" become booleans and integers
/// numbers; a plain key and every top-level value stay strings.
/// </summary>
public static class PulumiPathConfig
{
    /// <summary>Applies the calls in order to an empty config.</summary>
    public static Dictionary<string, JsonNode?> Apply(IEnumerable<(string Key, string Value, bool IsPath)> calls)
    {
        var config = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var (key, value, isPath) in calls)
        {
            if (!isPath)
            {
                config[key] = JsonValue.Create(value);
                continue;
            }

            var segments = Segments(key);
            var top = (string)segments[0];
            JsonNode? root = config.GetValueOrDefault(top);
            root ??= segments[1] is int ? new JsonArray() : new JsonObject();
            config[top] = root;
            var node = root;
            for (var i = 1; i < segments.Count - 1; i++)
            {
                node = Child(node, segments[i], segments[i + 1] is int ? () => new JsonArray() : () => new JsonObject());
            }

            Set(node, segments[^1], Typed(value));
        }

        return config;
    }

    private static List<object> Segments(string key)
    {
        var segments = new List<object>();
        var first = key.IndexOfAny(['.', '[', ']'], key.IndexOf(':', StringComparison.Ordinal) + 1);
        segments.Add(key[..first]);
        foreach (var part in key[first..].Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = part.Split('[')[0];
            if (name.Length > 0)
            {
                segments.Add(name);
            }

            foreach (var index in part.Split('[').Skip(1))
            {
                segments.Add(int.Parse(index.TrimEnd(']'), CultureInfo.InvariantCulture));
            }
        }

        return segments;
    }

    private static JsonNode Child(JsonNode parent, object segment, Func<JsonNode> create)
    {
        var existing = segment is int i ? (i < parent.AsArray().Count ? parent[i] : null) : parent[(string)segment];
        if (existing is not null)
        {
            return existing;
        }

        var child = create();
        Set(parent, segment, child);
        return child;
    }

    private static void Set(JsonNode parent, object segment, JsonNode? value)
    {
        if (segment is int index)
        {
            var array = parent.AsArray();
            while (array.Count <= index)
            {
                array.Add(null);
            }

            array[index] = value;
        }
        else
        {
            parent[(string)segment] = value;
        }
    }

    private static JsonNode Typed(string value) => value switch
    {
        "true" => JsonValue.Create(true),
        "false" => JsonValue.Create(false),
        _ when long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) => JsonValue.Create(number),
        _ => JsonValue.Create(value),
    };
}
