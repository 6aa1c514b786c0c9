using System.Text.Json.Nodes;

namespace PgPlatform.Components.Rbac;

/// <summary>A RoleBinding or ClusterRoleBinding read from a manifest.</summary>
/// <param name="Kind"><c>RoleBinding</c> or <c>ClusterRoleBinding</c>.</param>
/// <param name="Namespace">The RoleBinding's namespace; null for a ClusterRoleBinding.</param>
/// <param name="Name">The binding's name.</param>
/// <param name="RoleRef">The referenced role, or null when the manifest has none.</param>
/// <param name="Subjects">The subjects the role is granted to.</param>
internal sealed record RbacBinding(string Kind, string? Namespace, string Name, RoleRef? RoleRef, IReadOnlyList<BindingSubject> Subjects)
{
    /// <summary>"RoleBinding ns/name" or "ClusterRoleBinding name", as used in decision reasons.</summary>
    public string Describe() => Kind == "RoleBinding" ? $"RoleBinding {Namespace}/{Name}" : $"ClusterRoleBinding {Name}";

    /// <summary>Reads a RoleBinding or ClusterRoleBinding; null for any other object or one without a name.</summary>
    public static RbacBinding? FromJson(JsonObject obj)
    {
        var kind = RbacJson.String(obj, "kind");
        if (kind is not ("RoleBinding" or "ClusterRoleBinding") || RbacJson.String(obj, "apiVersion") != RbacNames.ApiVersion)
        {
            return null;
        }

        var metadata = RbacJson.Object(obj, "metadata");
        var name = RbacJson.String(metadata, "name");
        if (string.IsNullOrEmpty(name))
        {
            return null;
        }

        var subjects = (RbacJson.Array(obj, "subjects") ?? [])
            .Select(BindingSubject.FromJson)
            .OfType<BindingSubject>()
            .ToList();
        var ns = kind == "RoleBinding" ? RbacRole.NamespaceOf(metadata) : null;
        return new RbacBinding(kind, ns, name, RoleRef.FromJson(RbacJson.Object(obj, "roleRef")), subjects);
    }

    /// <summary>True when any subject names the requester.</summary>
    public bool AppliesTo(string? userName, IReadOnlyList<string> groups) =>
        Subjects.Any(s => s.AppliesTo(userName, groups, Namespace));
}
