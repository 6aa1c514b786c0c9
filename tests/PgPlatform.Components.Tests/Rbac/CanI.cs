using PgPlatform.Components.Rbac;

namespace PgPlatform.Components.Tests.Rbac;

/// <summary>Asks the authorizer the way <c>kubectl auth can-i</c> is invoked.</summary>
internal static class CanI
{
    public static AccessDecision Ask(
        this RbacAuthorizer authorizer,
        string subject,
        string verb,
        string resource,
        string? ns = null,
        IReadOnlyList<string>? groups = null,
        string? subresource = null) =>
        authorizer.Can(AccessRequest.Parse(subject, verb, resource, ns, groups, subresource));

    public static bool Allows(
        this RbacAuthorizer authorizer,
        string subject,
        string verb,
        string resource,
        string? ns = null,
        IReadOnlyList<string>? groups = null,
        string? subresource = null) =>
        authorizer.Ask(subject, verb, resource, ns, groups, subresource).Allowed;
}
