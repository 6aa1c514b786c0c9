using System.Text.Json.Nodes;

namespace PgPlatform.Components.Rbac;

/// <summary>A metav1 LabelSelector as used by <c>aggregationRule.clusterRoleSelectors</c>.</summary>
internal sealed class RbacLabelSelector
{
    private readonly IReadOnlyDictionary<string, string> matchLabels;
    private readonly IReadOnlyList<LabelRequirement> expressions;
    private readonly bool matchesNothing;

    private RbacLabelSelector(IReadOnlyDictionary<string, string> matchLabels, IReadOnlyList<LabelRequirement> expressions, bool matchesNothing)
    {
        this.matchLabels = matchLabels;
        this.expressions = expressions;
        this.matchesNothing = matchesNothing;
    }

    /// <summary>
    /// Reads a selector. An empty selector (<c>{}</c>) selects every ClusterRole, as metav1 defines it; a selector
    /// that is not an object, or that uses an unknown operator, selects nothing because the API server would not
    /// have accepted it.
    /// </summary>
    public static RbacLabelSelector FromJson(JsonNode? node)
    {
        if (node is not JsonObject)
        {
            return new RbacLabelSelector(new Dictionary<string, string>(), [], matchesNothing: true);
        }

        var requirements = new List<LabelRequirement>();
        var invalid = false;
        foreach (var item in RbacJson.Array(node, "matchExpressions") ?? [])
        {
            var key = RbacJson.String(item, "key");
            var op = RbacJson.String(item, "operator");
            if (key is null || op is not ("In" or "NotIn" or "Exists" or "DoesNotExist"))
            {
                invalid = true;
                continue;
            }

            requirements.Add(new LabelRequirement(key, op, RbacJson.Strings(item, "values")));
        }

        return new RbacLabelSelector(RbacJson.StringMap(node, "matchLabels"), requirements, invalid);
    }

    /// <summary>True when every matchLabels entry and every expression holds for <paramref name="labels"/>.</summary>
    public bool Matches(IReadOnlyDictionary<string, string> labels)
    {
        if (matchesNothing)
        {
            return false;
        }

        foreach (var (key, value) in matchLabels)
        {
            if (!labels.TryGetValue(key, out var actual) || actual != value)
            {
                return false;
            }
        }

        return expressions.All(e => e.Matches(labels));
    }
}
