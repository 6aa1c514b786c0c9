namespace PgPlatform.Components.Rbac;

/// <summary>
/// The identity a question is asked for: a user, a service account, or a bare group.
/// <see cref="Groups"/> is the complete group membership; <see cref="Parse"/> fills in the implicit groups.
/// </summary>
/// <param name="Kind"><c>User</c>, <c>ServiceAccount</c> or <c>Group</c>.</param>
/// <param name="Name">The user name, the service account's name, or the group's name.</param>
/// <param name="Namespace">The service account's namespace; null for users and groups.</param>
/// <param name="Groups">Every group the identity is in (for a <c>Group</c> subject, groups besides <see cref="Name"/>).</param>
public sealed record RbacSubject(string Kind, string Name, string? Namespace, IReadOnlyList<string> Groups)
{
    /// <summary>The kind of a user subject.</summary>
    internal const string UserKind = "User";

    /// <summary>The kind of a group subject.</summary>
    internal const string GroupKind = "Group";

    /// <summary>The kind of a service-account subject.</summary>
    internal const string ServiceAccountKind = "ServiceAccount";

    /// <summary>
    /// Reads a kubectl <c>--as</c> value. <c>system:serviceaccount:NS:NAME</c> is the service account, in groups
    /// <c>system:serviceaccounts</c>, <c>system:serviceaccounts:NS</c> and <c>system:authenticated</c>; any other
    /// name is a user in <c>system:authenticated</c> (<c>system:anonymous</c> is in <c>system:unauthenticated</c>
    /// instead). <paramref name="extraGroups"/> (like <c>--as-group</c>) are added to those.
    /// </summary>
    /// <exception cref="ArgumentException">The name is empty, a group is empty, or a service-account name is malformed.</exception>
    public static RbacSubject Parse(string asUser, IReadOnlyList<string>? extraGroups = null)
    {
        if (string.IsNullOrWhiteSpace(asUser))
        {
            throw new ArgumentException("The subject must not be empty; give a user name or system:serviceaccount:<namespace>:<name>.", nameof(asUser));
        }

        var extras = extraGroups ?? [];
        foreach (var group in extras)
        {
            if (string.IsNullOrWhiteSpace(group))
            {
                throw new ArgumentException("Extra groups must not be empty.", nameof(extraGroups));
            }
        }

        if (asUser.StartsWith(RbacNames.ServiceAccountPrefix, StringComparison.Ordinal))
        {
            var parts = asUser[RbacNames.ServiceAccountPrefix.Length..].Split(':');
            if (parts.Length != 2 || !RbacNames.IsDnsLabel(parts[0]) || parts[1].Length == 0 || RbacNames.HasWhitespace(parts[1]))
            {
                throw new ArgumentException(
                    $"'{asUser}' is not a valid service account; expected system:serviceaccount:<namespace>:<name>.", nameof(asUser));
            }

            // Additive, like a real service-account token (kubectl --as with --as-group would replace these instead).
            string[] implicitGroups = [RbacNames.AllServiceAccounts, RbacNames.ServiceAccountsIn(parts[0]), RbacNames.Authenticated];
            return new RbacSubject(ServiceAccountKind, parts[1], parts[0], Union(implicitGroups, extras));
        }

        if (asUser == RbacNames.Anonymous)
        {
            return new RbacSubject(UserKind, asUser, null, Union([RbacNames.Unauthenticated], extras));
        }

        // Like impersonation: system:authenticated unless the caller already placed the user in or out of it.
        var authenticated = extras.Contains(RbacNames.Authenticated) || extras.Contains(RbacNames.Unauthenticated)
            ? Array.Empty<string>()
            : [RbacNames.Authenticated];
        return new RbacSubject(UserKind, asUser, null, Union(authenticated, extras));
    }

    /// <summary>The user name RBAC compares with User and ServiceAccount subjects; null for a bare group.</summary>
    internal string? UserName => Kind switch
    {
        ServiceAccountKind => RbacNames.ServiceAccountUser(Namespace ?? string.Empty, Name),
        GroupKind => null,
        _ => Name,
    };

    /// <summary>Every group the identity is in, including the group a <c>Group</c> subject names.</summary>
    internal IReadOnlyList<string> AllGroups => Kind == GroupKind ? Union([Name], Groups) : Groups;

    /// <summary>"User alice", "ServiceAccount ns/name" or "Group name", as used in decision reasons.</summary>
    internal string Describe() => Kind == ServiceAccountKind ? $"{Kind} {Namespace}/{Name}" : $"{Kind} {Name}";

    private static string[] Union(IEnumerable<string> first, IEnumerable<string> second) =>
        [.. first.Concat(second).Distinct(StringComparer.Ordinal)];
}
