using System.Text.Json.Nodes;

namespace PgPlatform.Components.Rbac;

/// <summary>
/// Answers <c>kubectl auth can-i</c> questions from RBAC manifests alone, with the API server's RBAC semantics:
/// ClusterRoleBindings grant their ClusterRole everywhere; RoleBindings grant their Role or ClusterRole only inside
/// their own namespace; cluster-scoped resources and non-resource URLs are answered by ClusterRoleBindings only;
/// aggregated ClusterRoles get the rules of the ClusterRoles their selectors match. RBAC only ever allows, so a
/// request is denied exactly when no rule of any applicable binding allows it.
/// </summary>
public sealed class RbacAuthorizer
{
    private readonly RbacPolicy policy;
    private readonly HashSet<string> clusterScoped;

    /// <summary>Reads the policy from manifests.</summary>
    /// <param name="objects">
    /// Manifests; only rbac.authorization.k8s.io/v1 Role, ClusterRole, RoleBinding and ClusterRoleBinding are read.
    /// A namespaced object without <c>metadata.namespace</c> counts as being in <c>default</c>, where kubectl would apply it.
    /// </param>
    /// <param name="extraClusterScopedResources">
    /// Cluster-scoped resources beyond the built-in ones, named <c>plural.group</c> (or <c>plural</c> for the core group),
    /// e.g. from CRDs with <c>scope: Cluster</c>.
    /// </param>
    public RbacAuthorizer(IEnumerable<JsonObject> objects, IEnumerable<string>? extraClusterScopedResources = null)
    {
        ArgumentNullException.ThrowIfNull(objects);
        policy = RbacPolicy.Load(objects);
        clusterScoped = new HashSet<string>(ClusterScopedResources.BuiltIn, StringComparer.Ordinal);
        foreach (var extra in extraClusterScopedResources ?? [])
        {
            if (string.IsNullOrWhiteSpace(extra))
            {
                throw new ArgumentException("Cluster-scoped resources must be named plural.group, e.g. clusterissuers.cert-manager.io.", nameof(extraClusterScopedResources));
            }

            clusterScoped.Add(extra.Trim().ToLowerInvariant());
        }
    }

    /// <summary>
    /// Decides <paramref name="request"/>. ClusterRoleBindings are consulted first, then the RoleBindings of the
    /// namespace the request is in; the first rule that allows it names the reason.
    /// </summary>
    /// <exception cref="ArgumentException">The request has no verb or resource.</exception>
    public AccessDecision Can(AccessRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.Subject, nameof(request));
        if (string.IsNullOrWhiteSpace(request.Verb) || string.IsNullOrWhiteSpace(request.Resource))
        {
            throw new ArgumentException("A request needs a verb and a resource.", nameof(request));
        }

        var ns = EffectiveNamespace(request);
        var user = request.Subject.UserName;
        var groups = request.Subject.AllGroups;
        var unresolved = new List<string>();

        foreach (var binding in policy.ClusterRoleBindings)
        {
            if (Allows(binding, request, user, groups, unresolved) is { } reason)
            {
                return new AccessDecision(true, reason);
            }
        }

        // Without a namespace (cluster-scoped resources, non-resource URLs, all-namespace questions) no RoleBinding applies.
        if (ns is not null)
        {
            foreach (var binding in policy.RoleBindingsIn(ns))
            {
                if (Allows(binding, request, user, groups, unresolved) is { } reason)
                {
                    return new AccessDecision(true, reason);
                }
            }
        }

        var scope = request.IsNonResource ? string.Empty
            : ns is not null ? $" in namespace {ns}"
            : IsClusterScoped(request) ? " at the cluster scope"
            : " across all namespaces";
        var notes = unresolved.Count == 0 ? string.Empty : "; " + string.Join("; ", unresolved);
        return new AccessDecision(false, $"no RBAC rule allows {request.Subject.Describe()} to {request.DescribeAction()}{scope}{notes}");
    }

    /// <summary>
    /// The namespace whose RoleBindings apply, as the API server derives it from the request URL: none for non-resource
    /// URLs and cluster-scoped resources (a namespace given for them is ignored), except that a named namespace
    /// (<c>/api/v1/namespaces/NAME</c>) is its own namespace, so a RoleBinding in it can grant access to it.
    /// </summary>
    private string? EffectiveNamespace(AccessRequest request)
    {
        if (request.IsNonResource)
        {
            return null;
        }

        if (request.Group.Length == 0 && request.Resource == "namespaces" && !string.IsNullOrEmpty(request.Name))
        {
            return request.Name;
        }

        return IsClusterScoped(request) || string.IsNullOrEmpty(request.Namespace) ? null : request.Namespace;
    }

    private bool IsClusterScoped(AccessRequest request) =>
        clusterScoped.Contains(ClusterScopedResources.Key(request.Resource, request.Group));

    private string? Allows(RbacBinding binding, AccessRequest request, string? user, IReadOnlyList<string> groups, List<string> unresolved)
    {
        if (!binding.AppliesTo(user, groups))
        {
            return null;
        }

        if (policy.Resolve(binding) is not { } role)
        {
            unresolved.Add(RbacPolicy.Unresolved(binding));
            return null;
        }

        foreach (var rule in role.Rules)
        {
            var allowed = request.IsNonResource
                ? rule.AllowsNonResource(request.Verb, request.Resource)
                : rule.AllowsResource(request.Verb, request.Group, request.Resource, request.Subresource, request.Name);
            if (allowed)
            {
                var via = rule.AggregatedFrom is { } source ? $" (rule aggregated from ClusterRole {source})" : string.Empty;
                return $"{binding.Describe()} -> {role.Describe()}{via}";
            }
        }

        return null;
    }
}
