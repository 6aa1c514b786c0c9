using System.Text.Json.Nodes;
using k8s;

namespace PgPlatform.Components.Serialization;

/// <summary>
/// Turns typed objects into canonical JSON trees: nulls omitted, <c>apiVersion</c>, <c>kind</c>,
/// <c>metadata</c> first and every other key sorted ordinally, as cdk8s does, so output is byte-identical
/// for the same input.
/// </summary>
public static class CanonicalJson
{
    private static readonly string[] HeadKeys = ["apiVersion", "kind", "metadata"];

    /// <summary>Serializes a k8s.Models object or a typed CRD record into a canonical tree.</summary>
    public static JsonObject FromObject(object value)
    {
        var node = JsonNode.Parse(KubernetesJson.Serialize(value))
            ?? throw new InvalidOperationException($"{value.GetType().Name} serialized to null");
        return (JsonObject)Canonicalize(node)!;
    }

    /// <summary>Returns a deep copy of <paramref name="node"/> with keys ordered canonically and nulls dropped.</summary>
    public static JsonNode? Canonicalize(JsonNode? node, bool topLevel = true)
    {
        switch (node)
        {
            case JsonObject obj:
            {
                var result = new JsonObject();
                var keys = obj.Where(p => p.Value is not null).Select(p => p.Key).ToList();
                var ordered = topLevel
                    ? HeadKeys.Where(keys.Contains).Concat(keys.Where(k => !HeadKeys.Contains(k)).Order(StringComparer.Ordinal))
                    : keys.Order(StringComparer.Ordinal);
                foreach (var key in ordered)
                {
                    result[key] = Canonicalize(obj[key], topLevel: false);
                }

                return result;
            }

            case JsonArray array:
                return new JsonArray(array.Select(item => Canonicalize(item, topLevel: false)).ToArray());
            default:
                return node?.DeepClone();
        }
    }
}
