using System.Text.Json.Nodes;

namespace PgPlatform.Components.Rbac;

/// <summary>One entry of a binding's <c>subjects</c>.</summary>
/// <param name="Kind"><c>User</c>, <c>Group</c> or <c>ServiceAccount</c>; anything else never matches.</param>
/// <param name="Name">The subject's name.</param>
/// <param name="Namespace">A service account's namespace; may be omitted in a RoleBinding, meaning the binding's namespace.</param>
internal sealed record BindingSubject(string Kind, string Name, string? Namespace)
{
    /// <summary>Reads a subject; null when it has no kind or name.</summary>
    public static BindingSubject? FromJson(JsonNode? node)
    {
        var kind = RbacJson.String(node, "kind");
        var name = RbacJson.String(node, "name");
        return string.IsNullOrEmpty(kind) || string.IsNullOrEmpty(name)
            ? null
            : new BindingSubject(kind, name, RbacJson.String(node, "namespace"));
    }

    /// <summary>
    /// True when the subject names the requester, following the authorizer's <c>appliesToUser</c>: users by name,
    /// groups by membership, service accounts by their <c>system:serviceaccount:ns:name</c> user name.
    /// </summary>
    /// <param name="userName">The requester's user name, or null for a bare group.</param>
    /// <param name="groups">The requester's groups.</param>
    /// <param name="bindingNamespace">The binding's namespace; null for a ClusterRoleBinding.</param>
    public bool AppliesTo(string? userName, IReadOnlyList<string> groups, string? bindingNamespace)
    {
        switch (Kind)
        {
            case "User":
                return userName == Name;
            case "Group":
                return groups.Contains(Name, StringComparer.Ordinal);
            case "ServiceAccount":
                // A ClusterRoleBinding has no namespace to fall back to, so an unqualified service account there matches nobody.
                var ns = string.IsNullOrEmpty(Namespace) ? bindingNamespace : Namespace;
                return !string.IsNullOrEmpty(ns) && userName == RbacNames.ServiceAccountUser(ns, Name);
            default:
                return false;
        }
    }
}
