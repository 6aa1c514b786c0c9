using System.Text;
using System.Text.Json.Nodes;

namespace PgPlatform.Testing.Pulumi;

/// <summary>
/// Pulumi property paths as resource options name them (<c>ignoreChanges</c>, <c>replaceOnChanges</c>): names joined by
/// <c>.</c>, <c>[N]</c> for an array element, <c>["key"]</c> for a key that is no plain name, <c>*</c> or <c>[*]</c>
/// for every element (the syntax of pulumi/pulumi <c>sdk/go/common/resource/properties_path.go</c>). A path is resolved
/// against a resource type's inputs: its first name must be an input, and where the schema types the input, every
/// further segment must exist in it.
/// </summary>
internal static class PulumiPropertyPath
{
    private const string TypesPrefix = "#/types/";

    /// <summary>One segment: a key, an array index, or the wildcard.</summary>
    private sealed record Segment(string? Key, int? Index)
    {
        public bool IsWildcard => Key is null && Index is null;

        public override string ToString() => Key ?? (Index is { } i ? $"[{i}]" : "*");
    }

    /// <summary>Null when <paramref name="path"/> names an input of <paramref name="schema"/> (and, where typed, a property in it); otherwise the problem.</summary>
    public static string? Check(string path, PulumiResourceSchema schema, IReadOnlyDictionary<string, JsonObject> types)
    {
        if (Parse(path, out var problem) is not { } segments)
        {
            return problem;
        }

        if (segments[0].IsWildcard)
        {
            return null;
        }

        if (segments[0].Key is not { } input || !schema.Inputs.TryGetValue(input, out var spec))
        {
            return $"\"{segments[0]}\" is no input of {schema.Token} (inputs: {string.Join(", ", schema.Inputs.Keys.Order(StringComparer.Ordinal))})";
        }

        if (!schema.ChecksNestedTypes)
        {
            return null;
        }

        var at = input;
        foreach (var segment in segments.Skip(1))
        {
            var resolved = Resolve(spec, types);
            switch (resolved)
            {
                // Untyped (Any, Json, names-only) or a union: nothing further to check.
                case null:
                case JsonObject when resolved["oneOf"] is not null:
                    return null;
                case JsonObject when resolved["properties"] is JsonObject properties:
                    if (segment.Key is not { } key || !properties.TryGetPropertyValue(key, out spec))
                    {
                        return $"{at} has no property \"{segment}\" (known: {string.Join(", ", properties.Select(p => p.Key))})";
                    }

                    break;
                case JsonObject when (string?)resolved["type"] == "array":
                    if (segment.Key is not null)
                    {
                        return $"{at} is an array: \"{segment}\" must be an index [N] or [*]";
                    }

                    spec = resolved["items"];
                    break;
                case JsonObject when resolved["additionalProperties"] is JsonNode values:
                    if (segment.Index is not null)
                    {
                        return $"{at} is a map: \"{segment}\" must be a key";
                    }

                    spec = values;
                    break;
                default:
                    return $"{at} is a {(string?)resolved["type"] ?? "value"} and has no \"{segment}\"";
            }

            at = $"{at}.{segment}";
        }

        return null;
    }

    /// <summary>A type spec with its <c>$ref</c> to a named type followed; null when it cannot be resolved further.</summary>
    private static JsonObject? Resolve(JsonNode? spec, IReadOnlyDictionary<string, JsonObject> types)
    {
        var current = spec as JsonObject;
        while (current?["$ref"] is JsonValue reference)
        {
            var target = reference.GetValue<string>();
            current = target.StartsWith(TypesPrefix, StringComparison.Ordinal) && types.TryGetValue(target[TypesPrefix.Length..], out var named) ? named : null;
        }

        return current;
    }

    private static List<Segment>? Parse(string path, out string? problem)
    {
        var segments = new List<Segment>();
        var i = 0;
        problem = null;
        while (i < path.Length)
        {
            if (path[i] == '[')
            {
                var end = path.IndexOf(']', i);
                if (end < 0)
                {
                    problem = $"\"{path}\": '[' at {i} is never closed";
                    return null;
                }

                var inside = path[(i + 1)..end];
                if (inside == "*")
                {
                    segments.Add(new Segment(null, null));
                }
                else if (inside.Length >= 2 && inside[0] == '"' && inside[^1] == '"')
                {
                    segments.Add(new Segment(inside[1..^1].Replace("\\\"", "\"", StringComparison.Ordinal), null));
                }
                else if (int.TryParse(inside, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index))
                {
                    segments.Add(new Segment(null, index));
                }
                else
                {
                    problem = $"\"{path}\": [{inside}] is neither an index, [*] nor a quoted key";
                    return null;
                }

                i = end + 1;
                if (i < path.Length && path[i] == '.')
                {
                    i++;
                }

                continue;
            }

            var name = new StringBuilder();
            while (i < path.Length && path[i] is not ('.' or '['))
            {
                name.Append(path[i++]);
            }

            if (name.Length == 0)
            {
                problem = $"\"{path}\": empty name at {i}";
                return null;
            }

            segments.Add(name.ToString() == "*" ? new Segment(null, null) : new Segment(name.ToString(), null));
            if (i < path.Length && path[i] == '.')
            {
                i++;
                if (i == path.Length)
                {
                    problem = $"\"{path}\": ends with '.'";
                    return null;
                }
            }
        }

        if (segments.Count == 0)
        {
            problem = "an empty path";
            return null;
        }

        // "*" alone ignores every input; otherwise a path starts with an input's name.
        if (segments[0].Index is not null || (segments[0].IsWildcard && segments.Count > 1))
        {
            problem = $"\"{path}\": must start with an input name (or be \"*\")";
            return null;
        }

        return segments;
    }
}
