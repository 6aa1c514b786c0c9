using System.Text.Json;
using System.Text.Json.Nodes;
using Newtonsoft.Json.Linq;

namespace PgPlatform.Testing.Kubernetes;

/// <summary>
/// Converts System.Text.Json nodes to the Newtonsoft tokens NJsonSchema validates, dropping object
/// members whose value is null: the API server treats an explicit null as "not set" (it prunes nulls
/// for non-nullable CRD fields and decodes them to zero values for built-in types), so tools that emit
/// <c>creationTimestamp: null</c> produce valid objects.
/// </summary>
internal static class JsonNodeToJToken
{
    public static JToken Convert(JsonNode? node) => node switch
    {
        null => JValue.CreateNull(),
        JsonObject obj => ConvertObject(obj),
        JsonArray array => new JArray(array.Select(Convert)),
        JsonValue value => ConvertValue(value),
        _ => throw new InvalidOperationException($"Unexpected JSON node {node.GetType().Name}."),
    };

    private static JObject ConvertObject(JsonObject obj)
    {
        var result = new JObject();
        foreach (var (name, value) in obj)
        {
            if (value is not null && value.GetValueKind() != JsonValueKind.Null)
            {
                result[name] = Convert(value);
            }
        }

        return result;
    }

    private static JToken ConvertValue(JsonValue value)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                return new JValue(value.GetValue<string>());
            case JsonValueKind.True:
                return new JValue(true);
            case JsonValueKind.False:
                return new JValue(false);
            case JsonValueKind.Null:
                return JValue.CreateNull();
            case JsonValueKind.Number:
                // Parse the JSON spelling so integers stay integers and 1.0 stays a float, as the API server sees them.
                return JToken.Parse(value.ToJsonString());
            default:
                throw new InvalidOperationException($"Unexpected JSON value kind {value.GetValueKind()}.");
        }
    }
}
