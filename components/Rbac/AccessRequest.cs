using PgPlatform.Components.Vocabulary;

namespace PgPlatform.Components.Rbac;

/// <summary>
/// One question for the authorizer: may <paramref name="Subject"/> perform <paramref name="Verb"/> on a resource.
/// A <paramref name="Resource"/> starting with <c>/</c> is a non-resource URL (<c>/healthz</c>, <c>/metrics</c>).
/// </summary>
/// <param name="Subject">Who asks.</param>
/// <param name="Verb">The API verb (<c>get</c>, <c>list</c>, <c>create</c>, <c>patch</c>, <c>use</c>, ...), compared exactly.</param>
/// <param name="Resource">The plural resource (<c>deployments</c>), or a non-resource URL path.</param>
/// <param name="Group">The API group; empty for the core group.</param>
/// <param name="Namespace">The namespace; null or empty asks about all namespaces at once, which only cluster-wide grants answer.</param>
/// <param name="Name">The object's name; null for requests on collections (create, list, watch).</param>
/// <param name="Subresource">The subresource (<c>log</c>, <c>status</c>, <c>scale</c>), or null.</param>
public sealed record AccessRequest(
    RbacSubject Subject,
    string Verb,
    string Resource,
    string Group,
    string? Namespace,
    string? Name = null,
    string? Subresource = null)
{
    private const string Expected =
        $"expected RESOURCE[.GROUP][/NAME] such as 'pods', 'deployments.apps/cloudnative-pg' or '{CnpgApi.Clusters}.{CnpgApi.Group}'";

    /// <summary>
    /// Reads a question the way <c>kubectl auth can-i VERB RESOURCE -n NS --as SUBJECT --as-group G --subresource S</c> does.
    /// <paramref name="resource"/> is <c>TYPE[.GROUP][/NAME]</c> split like kubectl: the group starts after the first dot
    /// (<c>storageclasses.storage.k8s.io</c> is group <c>storage.k8s.io</c>), a version segment
    /// (<c>deployments.v1.apps</c>) is skipped, and whatever follows <c>/</c> is the object's name, never a subresource:
    /// <c>pods/log</c> is the pod named <c>log</c>, and the log subresource is asked for with <paramref name="subresource"/>.
    /// A resource starting with <c>/</c> is a non-resource URL.
    /// </summary>
    /// <exception cref="ArgumentException">The subject, verb, resource, namespace or subresource is empty or malformed.</exception>
    public static AccessRequest Parse(
        string subject,
        string verb,
        string resource,
        string? ns,
        IReadOnlyList<string>? groups = null,
        string? subresource = null)
    {
        var who = RbacSubject.Parse(subject, groups);
        if (string.IsNullOrWhiteSpace(verb) || RbacNames.HasWhitespace(verb))
        {
            throw new ArgumentException($"The verb '{verb}' is empty or contains whitespace; give one verb such as get, list or create.", nameof(verb));
        }

        if (string.IsNullOrWhiteSpace(resource) || RbacNames.HasWhitespace(resource))
        {
            throw new ArgumentException($"The resource '{resource}' is empty or contains whitespace; {Expected}.", nameof(resource));
        }

        var sub = string.IsNullOrEmpty(subresource) ? null : subresource;
        if (resource.StartsWith('/'))
        {
            if (sub is not null)
            {
                throw new ArgumentException($"The non-resource URL '{resource}' cannot have a subresource.", nameof(subresource));
            }

            return new AccessRequest(who, verb, resource, string.Empty, null);
        }

        if (sub is not null && !RbacNames.IsDnsLabel(sub))
        {
            throw new ArgumentException($"The subresource '{subresource}' is malformed; give one word such as log, status or scale.", nameof(subresource));
        }

        var nsOrNull = string.IsNullOrEmpty(ns) ? null : ns;
        if (nsOrNull is not null && !RbacNames.IsDnsLabel(nsOrNull))
        {
            throw new ArgumentException($"The namespace '{ns}' is not a valid namespace name (lowercase letters, digits and '-').", nameof(ns));
        }

        var (type, group, name) = SplitResource(resource);
        return new AccessRequest(who, verb, type, group, nsOrNull, name, sub);
    }

    /// <summary>True for a non-resource URL request.</summary>
    internal bool IsNonResource => Resource.StartsWith('/');

    /// <summary>The request in words for a denial: "create clusters.postgresql.cnpg.io", "get pods/log named web-0".</summary>
    internal string DescribeAction()
    {
        if (IsNonResource)
        {
            return $"{Verb} non-resource URL {Resource}";
        }

        var what = ClusterScopedResources.Key(Resource, Group) + (string.IsNullOrEmpty(Subresource) ? string.Empty : "/" + Subresource);
        return string.IsNullOrEmpty(Name) ? $"{Verb} {what}" : $"{Verb} {what} named {Name}";
    }

    private static (string Type, string Group, string? Name) SplitResource(string resource)
    {
        var slash = resource.IndexOf('/');
        var typeAndGroup = slash < 0 ? resource : resource[..slash];
        var name = slash < 0 ? null : resource[(slash + 1)..];
        if (name is not null && name.Length == 0)
        {
            throw Malformed(resource, "the name after '/' is empty");
        }

        if (name is not null && name.Contains('/'))
        {
            throw Malformed(resource, "an object name cannot contain '/'; ask for a subresource with the subresource parameter (kubectl --subresource)");
        }

        // kubectl's REST mapper matches resource names case-insensitively; RBAC rules hold them in lowercase.
        var segments = typeAndGroup.ToLowerInvariant().Split('.');
        var type = segments[0];
        if (type != "*" && !RbacNames.IsDnsLabel(type))
        {
            throw Malformed(resource, $"'{type}' is not a resource name");
        }

        var groupSegments = segments.AsSpan(1);
        if (groupSegments.Length >= 2 && IsVersion(groupSegments[0]))
        {
            groupSegments = groupSegments[1..];
        }

        var group = string.Join('.', groupSegments);
        if (group != "*")
        {
            foreach (var segment in groupSegments)
            {
                if (!RbacNames.IsDnsLabel(segment))
                {
                    throw Malformed(resource, $"the API group '{group}' is not a valid group name");
                }
            }
        }

        return (type, group, name);
    }

    private static bool IsVersion(string segment)
    {
        if (segment.Length < 2 || segment[0] != 'v' || !char.IsAsciiDigit(segment[1]))
        {
            return false;
        }

        var rest = segment.AsSpan(1).TrimStart("0123456789");
        if (rest.IsEmpty)
        {
            return true;
        }

        var suffix = rest.StartsWith("alpha") ? rest[5..] : rest.StartsWith("beta") ? rest[4..] : [];
        return !suffix.IsEmpty && suffix.TrimStart("0123456789").IsEmpty;
    }

    private static ArgumentException Malformed(string resource, string why) =>
        new($"The resource '{resource}' is malformed: {why}; {Expected}.", nameof(resource));
}
