using System.Text.Json.Nodes;

namespace PgPlatform.Components.Rbac;

/// <summary>A Role or ClusterRole read from a manifest.</summary>
/// <param name="Kind"><c>Role</c> or <c>ClusterRole</c>.</param>
/// <param name="Namespace">The Role's namespace; null for a ClusterRole.</param>
/// <param name="Name">The role's name.</param>
/// <param name="Labels">The role's labels, which aggregation selectors match.</param>
/// <param name="Rules">The rules in force: for an aggregated ClusterRole, the aggregated ones.</param>
/// <param name="AggregationSelectors">The <c>aggregationRule.clusterRoleSelectors</c> of an aggregated ClusterRole, else null.</param>
internal sealed record RbacRole(
    string Kind,
    string? Namespace,
    string Name,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyList<PolicyRule> Rules,
    IReadOnlyList<RbacLabelSelector>? AggregationSelectors)
{
    /// <summary>The namespace kubectl applies a namespaced manifest to when it names none (and no <c>-n</c> is given).</summary>
    public const string DefaultNamespace = "default";

    /// <summary>"Role ns/name" or "ClusterRole name", as used in decision reasons.</summary>
    public string Describe() => Kind == "Role" ? $"Role {Namespace}/{Name}" : $"ClusterRole {Name}";

    /// <summary>Reads a Role or ClusterRole; null for any other object or one without a name.</summary>
    public static RbacRole? FromJson(JsonObject obj)
    {
        var kind = RbacJson.String(obj, "kind");
        if (kind is not ("Role" or "ClusterRole") || RbacJson.String(obj, "apiVersion") != RbacNames.ApiVersion)
        {
            return null;
        }

        var metadata = RbacJson.Object(obj, "metadata");
        var name = RbacJson.String(metadata, "name");
        if (string.IsNullOrEmpty(name))
        {
            return null;
        }

        var ns = kind == "Role" ? NamespaceOf(metadata) : null;

        // The presence of aggregationRule, even with no selectors, hands the rules to the aggregation controller.
        IReadOnlyList<RbacLabelSelector>? selectors = kind == "ClusterRole" && RbacJson.Object(obj, "aggregationRule") is { } rule
            ? [.. (RbacJson.Array(rule, "clusterRoleSelectors") ?? []).Select(RbacLabelSelector.FromJson)]
            : null;

        return new RbacRole(kind, ns, name, RbacJson.StringMap(metadata, "labels"), PolicyRule.ListFromJson(obj), selectors);
    }

    /// <summary>The namespace of a namespaced object, defaulting like kubectl does for manifests that omit it.</summary>
    public static string NamespaceOf(JsonNode? metadata) =>
        RbacJson.String(metadata, "namespace") is { Length: > 0 } ns ? ns : DefaultNamespace;
}
