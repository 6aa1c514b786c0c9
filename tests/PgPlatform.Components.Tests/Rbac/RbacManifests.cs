using System.Text.Json.Nodes;

namespace PgPlatform.Components.Tests.Rbac;

/// <summary>Builds RBAC manifests as the authorizer receives them.</summary>
internal static class RbacManifests
{
    private const string ApiVersion = "rbac.authorization.k8s.io/v1";

    public static JsonObject Rule(string[] apiGroups, string[] resources, string[] verbs, string[]? resourceNames = null)
    {
        var rule = new JsonObject
        {
            ["apiGroups"] = Strings(apiGroups),
            ["resources"] = Strings(resources),
            ["verbs"] = Strings(verbs),
        };
        if (resourceNames is not null)
        {
            rule["resourceNames"] = Strings(resourceNames);
        }

        return rule;
    }

    public static JsonObject UrlRule(string[] urls, string[] verbs) => new()
    {
        ["nonResourceURLs"] = Strings(urls),
        ["verbs"] = Strings(verbs),
    };

    public static JsonObject Role(string ns, string name, params JsonObject[] rules) => new()
    {
        ["apiVersion"] = ApiVersion,
        ["kind"] = "Role",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns },
        ["rules"] = new JsonArray([.. rules]),
    };

    public static JsonObject ClusterRole(string name, params JsonObject[] rules) => new()
    {
        ["apiVersion"] = ApiVersion,
        ["kind"] = "ClusterRole",
        ["metadata"] = new JsonObject { ["name"] = name },
        ["rules"] = new JsonArray([.. rules]),
    };

    public static JsonObject WithLabel(JsonObject obj, string key, string value)
    {
        var metadata = (JsonObject)obj["metadata"]!;
        if (metadata["labels"] is not JsonObject labels)
        {
            labels = [];
            metadata["labels"] = labels;
        }

        labels[key] = value;
        return obj;
    }

    public static JsonObject Aggregated(JsonObject clusterRole, params JsonObject[] selectors)
    {
        clusterRole["aggregationRule"] = new JsonObject { ["clusterRoleSelectors"] = new JsonArray([.. selectors]) };
        return clusterRole;
    }

    public static JsonObject MatchLabels(string key, string value) => new()
    {
        ["matchLabels"] = new JsonObject { [key] = value },
    };

    public static JsonObject RoleBinding(string ns, string name, string roleKind, string roleName, params JsonObject[] subjects) => new()
    {
        ["apiVersion"] = ApiVersion,
        ["kind"] = "RoleBinding",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns },
        ["roleRef"] = RoleRef(roleKind, roleName),
        ["subjects"] = new JsonArray([.. subjects]),
    };

    public static JsonObject ClusterRoleBinding(string name, string clusterRoleName, params JsonObject[] subjects) =>
        ClusterRoleBinding(name, "ClusterRole", clusterRoleName, subjects);

    public static JsonObject ClusterRoleBinding(string name, string roleKind, string roleName, params JsonObject[] subjects) => new()
    {
        ["apiVersion"] = ApiVersion,
        ["kind"] = "ClusterRoleBinding",
        ["metadata"] = new JsonObject { ["name"] = name },
        ["roleRef"] = RoleRef(roleKind, roleName),
        ["subjects"] = new JsonArray([.. subjects]),
    };

    public static JsonObject User(string name) => Subject("User", name);

    public static JsonObject Group(string name) => Subject("Group", name);

    public static JsonObject ServiceAccount(string name, string? ns = null)
    {
        var subject = new JsonObject { ["kind"] = "ServiceAccount", ["name"] = name };
        if (ns is not null)
        {
            subject["namespace"] = ns;
        }

        return subject;
    }

    private static JsonObject Subject(string kind, string name) => new()
    {
        ["kind"] = kind,
        ["apiGroup"] = "rbac.authorization.k8s.io",
        ["name"] = name,
    };

    private static JsonObject RoleRef(string kind, string name) => new()
    {
        ["apiGroup"] = "rbac.authorization.k8s.io",
        ["kind"] = kind,
        ["name"] = name,
    };

    private static JsonArray Strings(string[] values) => new([.. values.Select(v => (JsonNode?)JsonValue.Create(v))]);
}
