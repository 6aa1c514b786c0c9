using System.Text.Json.Nodes;

namespace PgPlatform.Components.Rbac;

/// <summary>The RBAC objects of a set of manifests, indexed the way the authorizer looks them up.</summary>
internal sealed class RbacPolicy
{
    private readonly Dictionary<(string Namespace, string Name), RbacRole> roles;
    private readonly IReadOnlyDictionary<string, RbacRole> clusterRoles;
    private readonly Dictionary<string, List<RbacBinding>> roleBindings;

    private RbacPolicy(
        Dictionary<(string, string), RbacRole> roles,
        IReadOnlyDictionary<string, RbacRole> clusterRoles,
        List<RbacBinding> clusterRoleBindings,
        Dictionary<string, List<RbacBinding>> roleBindings)
    {
        this.roles = roles;
        this.clusterRoles = clusterRoles;
        ClusterRoleBindings = clusterRoleBindings;
        this.roleBindings = roleBindings;
    }

    /// <summary>Every ClusterRoleBinding, in input order.</summary>
    public IReadOnlyList<RbacBinding> ClusterRoleBindings { get; }

    /// <summary>
    /// Reads the Roles, ClusterRoles and bindings among <paramref name="objects"/>, ignoring everything else. When the
    /// same object appears twice the later one wins, as with <c>kubectl apply</c> of both.
    /// </summary>
    public static RbacPolicy Load(IEnumerable<JsonObject> objects)
    {
        var roles = new Dictionary<(string, string), RbacRole>();
        var clusterRoles = new Dictionary<string, RbacRole>(StringComparer.Ordinal);
        var clusterRoleBindings = new Dictionary<string, RbacBinding>(StringComparer.Ordinal);
        var roleBindings = new Dictionary<(string, string), RbacBinding>();
        foreach (var obj in objects)
        {
            if (obj is null)
            {
                continue;
            }

            if (RbacRole.FromJson(obj) is { } role)
            {
                if (role.Namespace is { } ns)
                {
                    roles[(ns, role.Name)] = role;
                }
                else
                {
                    clusterRoles[role.Name] = role;
                }
            }
            else if (RbacBinding.FromJson(obj) is { } binding)
            {
                if (binding.Namespace is { } ns)
                {
                    roleBindings[(ns, binding.Name)] = binding;
                }
                else
                {
                    clusterRoleBindings[binding.Name] = binding;
                }
            }
        }

        var byNamespace = roleBindings.Values
            .GroupBy(b => b.Namespace!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        return new RbacPolicy(roles, ClusterRoleAggregation.Apply(clusterRoles), [.. clusterRoleBindings.Values], byNamespace);
    }

    /// <summary>The RoleBindings of <paramref name="ns"/>, in input order.</summary>
    public IReadOnlyList<RbacBinding> RoleBindingsIn(string ns) =>
        roleBindings.TryGetValue(ns, out var list) ? list : [];

    /// <summary>
    /// The role a binding grants, or null when it grants nothing: the role is missing, a ClusterRoleBinding points at a
    /// Role, or the roleRef is not an RBAC role (the API server would have rejected such a binding).
    /// </summary>
    public RbacRole? Resolve(RbacBinding binding)
    {
        if (binding.RoleRef is not { } roleRef || roleRef.ApiGroup is not ("" or RbacNames.ApiGroup))
        {
            return null;
        }

        return roleRef.Kind switch
        {
            "ClusterRole" => clusterRoles.GetValueOrDefault(roleRef.Name),
            "Role" when binding.Namespace is { } ns => roles.GetValueOrDefault((ns, roleRef.Name)),
            _ => null,
        };
    }

    /// <summary>Why <see cref="Resolve"/> found nothing for <paramref name="binding"/>, for a denial's reason.</summary>
    public static string Unresolved(RbacBinding binding) => binding.RoleRef switch
    {
        null => $"{binding.Describe()} has no roleRef",
        { ApiGroup: not ("" or RbacNames.ApiGroup) } r => $"{binding.Describe()} refers to {r.Kind} {r.Name} outside {RbacNames.ApiGroup}",
        { Kind: "Role" } r when binding.Namespace is null => $"{binding.Describe()} cannot grant Role {r.Name} (a ClusterRoleBinding grants only ClusterRoles)",
        { Kind: "Role" or "ClusterRole" } r => $"{binding.Describe()} references missing {r.Describe(binding.Namespace)}",
        var r => $"{binding.Describe()} has unsupported roleRef kind '{r.Kind}'",
    };
}
