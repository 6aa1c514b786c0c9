using System.Text.Json;
using System.Text.Json.Nodes;

namespace PgPlatform.Testing.Pulumi;

/// <summary>
/// Checks literal input values against Pulumi schema type specs: primitive types, array items, map
/// values, and the property names (and required properties) of named object types. Values only known
/// at deployment — strings with an interpolation, or <c>fn::</c> expressions — are not checked.
/// </summary>
internal sealed class PulumiInputTypeChecker(IReadOnlyDictionary<string, JsonObject> types)
{
    private const string TypesPrefix = "#/types/";

    /// <summary>Checks a value against a spec, adding <c>path: problem</c> lines to <paramref name="errors"/>.</summary>
    public void Check(JsonNode? value, JsonNode? spec, string path, List<string> errors)
    {
        // Null means "not set" in Pulumi YAML; a spec-less input (names-only source) cannot be checked.
        if (value is null || value.GetValueKind() == JsonValueKind.Null || spec is not JsonObject schema || IsExpression(value))
        {
            return;
        }

        if (schema["$ref"] is JsonValue reference)
        {
            var target = reference.GetValue<string>();
            if (target.StartsWith(TypesPrefix, StringComparison.Ordinal))
            {
                var name = target[TypesPrefix.Length..];
                if (types.TryGetValue(name, out var named))
                {
                    Check(value, named, path, errors);
                }
                else
                {
                    errors.Add($"{path}: schema refers to unknown type \"{name}\"");
                }
            }

            // Other references (pulumi.json#/Any, #/Asset, #/Archive, #/Json) accept any value.
            return;
        }

        if (schema["oneOf"] is JsonArray alternatives)
        {
            var matches = alternatives.Any(alternative =>
            {
                var scratch = new List<string>();
                Check(value, alternative, path, scratch);
                return scratch.Count == 0;
            });
            if (!matches)
            {
                errors.Add($"{path}: {Describe(value)} matches none of the allowed types");
            }

            return;
        }

        CheckType(value, schema, path, errors);
    }

    private void CheckType(JsonNode value, JsonObject schema, string path, List<string> errors)
    {
        var type = (string?)schema["type"];
        var kind = value.GetValueKind();
        switch (type)
        {
            case "string" when kind != JsonValueKind.String:
            case "boolean" when kind is not (JsonValueKind.True or JsonValueKind.False):
            case "number" when kind != JsonValueKind.Number:
            case "integer" when kind != JsonValueKind.Number || !IsInteger(value.AsValue()):
            case "array" when value is not JsonArray:
            case "object" when value is not JsonObject:
                errors.Add($"{path}: expected {type}, got {Describe(value)}");
                return;
            case "array":
                var array = (JsonArray)value;
                for (var i = 0; i < array.Count; i++)
                {
                    Check(array[i], schema["items"], $"{path}[{i}]", errors);
                }

                return;
            case "object":
                CheckObject((JsonObject)value, schema, path, errors);
                return;
        }
    }

    private void CheckObject(JsonObject value, JsonObject schema, string path, List<string> errors)
    {
        if (schema["properties"] is JsonObject properties)
        {
            foreach (var (name, propertyValue) in value)
            {
                if (properties.TryGetPropertyValue(name, out var propertySpec))
                {
                    Check(propertyValue, propertySpec, $"{path}.{name}", errors);
                }
                else
                {
                    errors.Add($"{path}.{name}: unknown property (known: {string.Join(", ", properties.Select(p => p.Key))})");
                }
            }

            foreach (var required in (schema["required"] as JsonArray ?? []).Select(r => (string?)r).OfType<string>())
            {
                if (!value.ContainsKey(required))
                {
                    errors.Add($"{path}.{required}: required property is missing");
                }
            }
        }
        else if (schema["additionalProperties"] is JsonObject valueSpec)
        {
            foreach (var (name, entry) in value)
            {
                Check(entry, valueSpec, $"{path}.{name}", errors);
            }
        }
    }

    /// <summary>Whether a value is only known at deployment: an interpolated string or an <c>fn::</c> call.</summary>
    public static bool IsExpression(JsonNode value) => value switch
    {
        JsonValue v when v.TryGetValue<string>(out var text) => PulumiInterpolation.IsInterpolated(text),
        JsonObject { Count: 1 } obj => PulumiExpressionScanner.IsFunctionKey(obj.First().Key),
        _ => false,
    };

    private static bool IsInteger(JsonValue value) => value.TryGetValue<long>(out _) || value.TryGetValue<ulong>(out _);

    private static string Describe(JsonNode value) => value.GetValueKind() switch
    {
        JsonValueKind.String => $"string \"{value.GetValue<string>()}\"",
        JsonValueKind.Number => $"number {value.ToJsonString()}",
        JsonValueKind.True or JsonValueKind.False => $"boolean {value.ToJsonString()}",
        JsonValueKind.Array => "array",
        JsonValueKind.Object => "object",
        _ => value.GetValueKind().ToString().ToLowerInvariant(),
    };
}
