using System.Text.Json.Nodes;

namespace PgPlatform.Components.Rbac;

/// <summary>The <c>roleRef</c> of a binding.</summary>
/// <param name="ApiGroup">The referenced role's API group; empty is defaulted to rbac.authorization.k8s.io like the API server does.</param>
/// <param name="Kind"><c>Role</c> or <c>ClusterRole</c>.</param>
/// <param name="Name">The referenced role's name.</param>
internal sealed record RoleRef(string ApiGroup, string Kind, string Name)
{
    /// <summary>Reads a roleRef; null when it is missing or has no name.</summary>
    public static RoleRef? FromJson(JsonNode? node)
    {
        var name = RbacJson.String(node, "name");
        return node is JsonObject && !string.IsNullOrEmpty(name)
            ? new RoleRef(RbacJson.String(node, "apiGroup") ?? string.Empty, RbacJson.String(node, "kind") ?? string.Empty, name)
            : null;
    }

    /// <summary>"Role ns/name" or "ClusterRole name" for the role as seen from a binding in <paramref name="bindingNamespace"/>.</summary>
    public string Describe(string? bindingNamespace) => Kind switch
    {
        "Role" => $"Role {bindingNamespace}/{Name}",
        "ClusterRole" => $"ClusterRole {Name}",
        _ => $"{(Kind.Length == 0 ? "(no kind)" : Kind)} {Name}",
    };
}
