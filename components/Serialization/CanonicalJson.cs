using System.Text.Json.Nodes;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
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

    /// <summary>
    /// KubernetesClient's serializer options (its converters for quantities, int-or-string, dates), with
    /// properties emitted in canonical order so that most objects need no reordering afterwards.
    /// </summary>
    private static readonly JsonSerializerOptions Options = CreateOptions();

    /// <summary>Serializes a k8s.Models object or a typed CRD record into a canonical tree.</summary>
    public static JsonObject FromObject(object value)
    {
        var node = JsonSerializer.SerializeToNode(value, value.GetType(), Options)
            ?? throw new InvalidOperationException($"{value.GetType().Name} serialized to null");
        return (JsonObject)CanonicalizeInPlace(node)!;
    }

    private static JsonSerializerOptions CreateOptions()
    {
        JsonSerializerOptions? kubernetes = null;
        KubernetesJson.AddJsonOptions(o => kubernetes = o);
        var options = new JsonSerializerOptions(kubernetes ?? throw new InvalidOperationException("KubernetesClient exposed no serializer options"));
        options.TypeInfoResolver = (options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(OrderProperties);
        return options;
    }

    private static void OrderProperties(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        var ordered = info.Properties.OrderBy(p => Array.IndexOf(HeadKeys, p.Name) is var rank and >= 0 ? rank - HeadKeys.Length : 0)
            .ThenBy(p => p.Name, StringComparer.Ordinal).ToList();
        for (var i = 0; i < ordered.Count; i++)
        {
            ordered[i].Order = i;
        }
    }

    /// <summary>Returns a deep copy of <paramref name="node"/> with keys ordered canonically and nulls dropped.</summary>
    public static JsonNode? Canonicalize(JsonNode? node) => CanonicalizeInPlace(node?.DeepClone());

    /// <summary>Orders the keys of <paramref name="node"/> canonically and drops nulls, in place (no copies: synthesis of large fleets depends on it).</summary>
    public static JsonNode? CanonicalizeInPlace(JsonNode? node, bool topLevel = true)
    {
        switch (node)
        {
            case JsonObject obj:
            {
                if (InOrder(obj, topLevel))
                {
                    foreach (var (_, value) in obj)
                    {
                        CanonicalizeInPlace(value, topLevel: false);
                    }

                    break;
                }

                var properties = obj.Where(p => p.Value is not null).ToList();
                obj.Clear();
                properties.Sort((a, b) => Compare(a.Key, b.Key, topLevel));
                foreach (var (key, value) in properties)
                {
                    obj.Add(key, CanonicalizeInPlace(value, topLevel: false));
                }

                break;
            }

            case JsonArray array:
                foreach (var item in array)
                {
                    CanonicalizeInPlace(item, topLevel: false);
                }

                break;
        }

        return node;
    }

    private static bool InOrder(JsonObject obj, bool topLevel)
    {
        string? previous = null;
        foreach (var (key, value) in obj)
        {
            if (value is null || previous is not null && Compare(previous, key, topLevel) >= 0)
            {
                return false;
            }

            previous = key;
        }

        return true;
    }

    private static int Compare(string a, string b, bool topLevel)
    {
        if (topLevel)
        {
            var rankA = Array.IndexOf(HeadKeys, a);
            var rankB = Array.IndexOf(HeadKeys, b);
            if (rankA >= 0 || rankB >= 0)
            {
                return (rankA < 0 ? int.MaxValue : rankA).CompareTo(rankB < 0 ? int.MaxValue : rankB);
            }
        }

        return string.CompareOrdinal(a, b);
    }
}
