using System.Text.Json.Nodes;

namespace PgPlatform.Testing.Kubernetes;

/// <summary>
/// Rewrites a Kubernetes OpenAPI v3 / CRD structural schema into plain JSON Schema that NJsonSchema
/// validates the way the API server (with strict field validation) would:
/// <list type="bullet">
/// <item><c>$ref</c>s to <c>#/components/schemas/X</c> become <c>#/definitions/X</c> (and are recorded so the
/// caller can bundle them).</item>
/// <item><c>allOf: [{$ref}]</c> wrappers (how the OpenAPI v3 documents attach descriptions and defaults to
/// a reference) collapse to the reference, so errors are reported at the field, not as "not all of".</item>
/// <item>int-or-string and Quantity (<c>anyOf</c>/<c>oneOf</c> of bare types, or
/// <c>x-kubernetes-int-or-string</c>) become a type list.</item>
/// <item>An object schema with <c>properties</c> but no <c>additionalProperties</c> and no
/// <c>x-kubernetes-preserve-unknown-fields</c> gets <c>additionalProperties: false</c>, so unknown fields
/// fail. In CRDs an object schema with no properties at all is closed too: the API server prunes
/// everything under it.</item>
/// <item>In CRDs a required field that has a <c>default</c> stops being required: the API server fills
/// in defaults before it validates (built-in schemas' defaults are only zero-value markers, not applied).</item>
/// <item>Everything that is not a validation keyword (descriptions, defaults, <c>x-kubernetes-*</c>) is
/// dropped; it only costs parse time.</item>
/// </list>
/// </summary>
/// <param name="customResourceRules">Apply the CRD-only rules (closed empty objects, defaults satisfy required).</param>
internal sealed class SchemaNormalizer(bool customResourceRules)
{
    /// <summary>Prefix of references inside the Kubernetes OpenAPI v3 documents.</summary>
    public const string ComponentsPrefix = "#/components/schemas/";

    /// <summary>Prefix of references in the bundled documents handed to NJsonSchema.</summary>
    public const string DefinitionsPrefix = "#/definitions/";

    // Formats are kept: the validator only checks the ones the API server checks (byte, date-time).
    // Patterns are copied as they are: every pattern in the shared schemas is valid .NET regex syntax
    // (checked by a test that compiles all of them).
    private static readonly HashSet<string> CopiedKeywords =
    [
        "type", "enum", "format", "pattern",
        "minLength", "maxLength", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf",
        "minItems", "maxItems", "uniqueItems", "minProperties", "maxProperties",
    ];

    private static readonly HashSet<string> ValidationKeywords =
    [
        .. CopiedKeywords, "required", "properties", "additionalProperties", "items", "anyOf", "oneOf", "allOf", "not", "$ref",
    ];

    private readonly HashSet<string> _references = new(StringComparer.Ordinal);

    /// <summary>Names of the <c>components.schemas</c> entries referenced by everything normalized so far.</summary>
    public IReadOnlyCollection<string> References => _references;

    /// <summary>Normalizes one schema node; a missing or non-object schema accepts anything.</summary>
    public JsonObject Normalize(JsonNode? schema) =>
        schema is JsonObject source ? NormalizeObject(source) : [];

    private JsonObject NormalizeObject(JsonObject source)
    {
        if (source["$ref"] is JsonValue reference)
        {
            // OpenAPI 3.0 ignores siblings of $ref, and so does the API server.
            return [new("$ref", DefinitionsPrefix + RecordReference(reference.GetValue<string>()))];
        }

        if (source["allOf"] is JsonArray { Count: 1 } allOf
            && !source.Any(p => p.Key != "allOf" && ValidationKeywords.Contains(p.Key)))
        {
            return Normalize(allOf[0]);
        }

        var result = new JsonObject();
        var typeList = TypeListFor(source);
        if (typeList is not null)
        {
            result["type"] = typeList;
        }

        foreach (var (key, value) in source)
        {
            switch (key)
            {
                case "type" when typeList is not null:
                    break;
                case "anyOf" or "oneOf" when typeList is not null:
                    break;
                case "properties" when value is JsonObject properties:
                    var normalized = new JsonObject();
                    foreach (var (name, propertySchema) in properties)
                    {
                        normalized[name] = Normalize(propertySchema);
                    }

                    result["properties"] = normalized;
                    break;
                case "additionalProperties":
                    result["additionalProperties"] = value is JsonObject nested ? Normalize(nested) : value?.DeepClone();
                    break;
                case "items" when value is JsonObject item:
                    result["items"] = Normalize(item);
                    break;
                case "allOf" or "anyOf" or "oneOf" when value is JsonArray alternatives:
                    result[key] = new JsonArray(alternatives.Select(a => (JsonNode)Normalize(a)).ToArray());
                    break;
                case "not":
                    result["not"] = Normalize(value);
                    break;
                case "required" when value is JsonArray required:
                    result["required"] = RequiredWithoutDefaults(required, source["properties"] as JsonObject);
                    break;
                default:
                    if (CopiedKeywords.Contains(key))
                    {
                        result[key] = value?.DeepClone();
                    }

                    break;
            }
        }

        CloseIfStrict(source, result);
        return result;
    }

    private void CloseIfStrict(JsonObject source, JsonObject result)
    {
        var preservesUnknown = source["x-kubernetes-preserve-unknown-fields"] is JsonValue preserve
            && preserve.TryGetValue<bool>(out var flag) && flag;
        if (preservesUnknown || result.ContainsKey("additionalProperties"))
        {
            return;
        }

        var hasProperties = result["properties"] is JsonObject { Count: > 0 };
        var isObject = result["type"] is JsonValue type && type.TryGetValue<string>(out var name) && name == "object";
        if (hasProperties || (customResourceRules && isObject))
        {
            result["additionalProperties"] = false;
        }
    }

    private JsonArray RequiredWithoutDefaults(JsonArray required, JsonObject? properties)
    {
        var names = required.Select(n => (string?)n).OfType<string>()
            .Where(name => !customResourceRules || properties?[name]?["default"] is null);
        return new JsonArray(names.Select(n => (JsonNode)JsonValue.Create(n)).ToArray());
    }

    private static JsonArray? TypeListFor(JsonObject source)
    {
        if (source["x-kubernetes-int-or-string"] is JsonValue intOrString
            && intOrString.TryGetValue<bool>(out var isIntOrString) && isIntOrString)
        {
            return ["integer", "string"];
        }

        if (source.ContainsKey("type"))
        {
            return null;
        }

        var alternatives = source["oneOf"] as JsonArray ?? source["anyOf"] as JsonArray;
        if (alternatives is null || alternatives.Count == 0)
        {
            return null;
        }

        var types = new List<string>();
        foreach (var alternative in alternatives)
        {
            // Only bare-type alternatives ({type: integer}, {type: string}) collapse into a type list.
            if (alternative is not JsonObject branch
                || branch["type"] is not JsonValue type
                || !type.TryGetValue<string>(out var typeName)
                || branch.Any(p => p.Key is not ("type" or "format" or "description")))
            {
                return null;
            }

            types.Add(typeName);
        }

        return new JsonArray(types.Distinct().Select(t => (JsonNode)JsonValue.Create(t)).ToArray());
    }

    private string RecordReference(string reference)
    {
        if (!reference.StartsWith(ComponentsPrefix, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"Unsupported schema reference '{reference}'.");
        }

        var name = reference[ComponentsPrefix.Length..];
        _references.Add(name);
        return name;
    }
}
