namespace PgPlatform.Components.Rbac;

/// <summary>Name rules and well-known identities of Kubernetes RBAC.</summary>
internal static class RbacNames
{
    /// <summary>The API group of Role, ClusterRole and the bindings, which a roleRef must name.</summary>
    public const string ApiGroup = "rbac.authorization.k8s.io";

    /// <summary>The only RBAC version served by current clusters (v1beta1 was removed in 1.22).</summary>
    public const string ApiVersion = ApiGroup + "/v1";

    /// <summary>The user-name prefix under which service accounts authenticate.</summary>
    public const string ServiceAccountPrefix = "system:serviceaccount:";

    /// <summary>The group of every service account.</summary>
    public const string AllServiceAccounts = "system:serviceaccounts";

    /// <summary>The group of every authenticated identity.</summary>
    public const string Authenticated = "system:authenticated";

    /// <summary>The group of unauthenticated requests.</summary>
    public const string Unauthenticated = "system:unauthenticated";

    /// <summary>The user name of unauthenticated requests.</summary>
    public const string Anonymous = "system:anonymous";

    /// <summary>The user name a service account authenticates as.</summary>
    public static string ServiceAccountUser(string ns, string name) => ServiceAccountPrefix + ns + ":" + name;

    /// <summary>The group of the service accounts in <paramref name="ns"/>.</summary>
    public static string ServiceAccountsIn(string ns) => AllServiceAccounts + ":" + ns;

    /// <summary>True for an RFC 1123 label: lowercase alphanumerics and '-', starting and ending alphanumeric, at most 63 characters.</summary>
    public static bool IsDnsLabel(string value)
    {
        if (value.Length is 0 or > 63 || value[0] == '-' || value[^1] == '-')
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!(c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when <paramref name="value"/> contains any whitespace.</summary>
    public static bool HasWhitespace(string value) => value.Any(char.IsWhiteSpace);
}
