using System.Text.Json.Nodes;

namespace PgPlatform.Components.Rbac;

/// <summary>
/// One entry of a role's <c>rules</c>, matched exactly as the API server's RBAC authorizer does
/// (k8s.io/kubernetes plugin/pkg/auth/authorizer/rbac: <c>RuleAllows</c> and the rbac v1 evaluation helpers).
/// </summary>
/// <param name="ApiGroups">The rule's <c>apiGroups</c>; <c>*</c> matches every group, <c>""</c> is the core group.</param>
/// <param name="Resources">The rule's <c>resources</c>, possibly <c>*</c>, <c>pods/log</c> or <c>*/scale</c>.</param>
/// <param name="Verbs">The rule's <c>verbs</c>; <c>*</c> matches every verb.</param>
/// <param name="ResourceNames">The rule's <c>resourceNames</c>; when non-empty only requests naming one of them match.</param>
/// <param name="NonResourceUrls">The rule's <c>nonResourceURLs</c>, possibly ending in <c>*</c>.</param>
/// <param name="AggregatedFrom">The ClusterRole that defined the rule when it reached its role through aggregation, else null.</param>
internal sealed record PolicyRule(
    IReadOnlyList<string> ApiGroups,
    IReadOnlyList<string> Resources,
    IReadOnlyList<string> Verbs,
    IReadOnlyList<string> ResourceNames,
    IReadOnlyList<string> NonResourceUrls,
    string? AggregatedFrom = null)
{
    private const string All = "*";

    /// <summary>
    /// The rule's content without its provenance; the aggregation controller de-duplicates rules by content,
    /// and the fixed-point computation needs it to see when nothing changes.
    /// </summary>
    public string Signature { get; } = string.Join(
        '\u0001',
        string.Join('\u0002', ApiGroups),
        string.Join('\u0002', Resources),
        string.Join('\u0002', Verbs),
        string.Join('\u0002', ResourceNames),
        string.Join('\u0002', NonResourceUrls));

    /// <summary>Reads one rule; missing or ill-typed lists read as empty, which matches nothing.</summary>
    public static PolicyRule FromJson(JsonNode? rule) => new(
        RbacJson.Strings(rule, "apiGroups"),
        RbacJson.Strings(rule, "resources"),
        RbacJson.Strings(rule, "verbs"),
        RbacJson.Strings(rule, "resourceNames"),
        RbacJson.Strings(rule, "nonResourceURLs"));

    /// <summary>Reads the <c>rules</c> list of a role.</summary>
    public static IReadOnlyList<PolicyRule> ListFromJson(JsonNode? role) =>
        RbacJson.Array(role, "rules") is { } rules ? [.. rules.Select(FromJson)] : [];

    /// <summary>True when the rule allows a request for a resource (as opposed to a non-resource URL).</summary>
    public bool AllowsResource(string verb, string group, string resource, string? subresource, string? name) =>
        VerbMatches(verb)
        && GroupMatches(group)
        && ResourceMatches(resource, subresource)
        && NameMatches(name);

    /// <summary>True when the rule allows a request for the non-resource URL <paramref name="path"/>.</summary>
    public bool AllowsNonResource(string verb, string path) => VerbMatches(verb) && UrlMatches(path);

    private bool VerbMatches(string verb) => Verbs.Any(v => v == All || v == verb);

    private bool GroupMatches(string group) => ApiGroups.Any(g => g == All || g == group);

    private bool ResourceMatches(string resource, string? subresource)
    {
        var combined = string.IsNullOrEmpty(subresource) ? resource : resource + "/" + subresource;
        foreach (var ruleResource in Resources)
        {
            // "*" covers subresources too; "pods" alone does not cover "pods/log".
            if (ruleResource == All || ruleResource == combined)
            {
                return true;
            }

            if (!string.IsNullOrEmpty(subresource) && ruleResource == "*/" + subresource)
            {
                return true;
            }
        }

        return false;
    }

    // A request without a name (create, list, watch, deletecollection) never matches a rule that lists names.
    private bool NameMatches(string? name) =>
        ResourceNames.Count == 0 || (!string.IsNullOrEmpty(name) && ResourceNames.Contains(name, StringComparer.Ordinal));

    private bool UrlMatches(string path)
    {
        foreach (var url in NonResourceUrls)
        {
            if (url == All || url == path)
            {
                return true;
            }

            if (url.EndsWith('*') && path.StartsWith(url.TrimEnd('*'), StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
