using PgPlatform.Components.Tiers;
using PgPlatform.Components.Vocabulary;

namespace PgPlatform.Components.Contract.Rules;

/// <summary>
/// PGP022: the application reaches its database only as an active login role. A Cluster declares, in
/// <c>spec.managed.roles</c>, at least one login role that is a member of the database owner and takes its password
/// from a Secret (so a rotation can renew one login while the other serves), and never makes the owner itself a managed
/// login; a workload never reads the owner's bootstrap Secret or the superuser's (it reads the active login's Secret).
/// CNPG applies managed roles with <c>ALTER ROLE</c>/<c>GRANT</c> (cloudnative-pg/cloudnative-pg
/// <c>docs/src/declarative_role_management.md</c>, v1.30.0).
/// </summary>
public sealed class LoginRolesRule : ContractRule
{
    private const string OwnerCel =
        "(has(object.spec.bootstrap) && has(object.spec.bootstrap.initdb) && has(object.spec.bootstrap.initdb.owner) ? object.spec.bootstrap.initdb.owner"
        + " : has(object.spec.bootstrap) && has(object.spec.bootstrap.recovery) && has(object.spec.bootstrap.recovery.owner) ? object.spec.bootstrap.recovery.owner : 'app')";

    /// <summary>CNPG's owner when the bootstrap names none.</summary>
    private const string DefaultOwner = "app";

    /// <inheritdoc />
    public override string Id => "PGP022";

    /// <inheritdoc />
    public override string Title => "Applications reach the database only as an active login role, never as the owner";

    /// <inheritdoc />
    public override CelValidation? Cel { get; } = new(
        "has(object.spec.managed) && has(object.spec.managed.roles)"
        + $" && object.spec.managed.roles.exists(r, has(r.login) && r.login && has(r.inRoles) && {OwnerCel} in r.inRoles && has(r.passwordSecret))"
        + $" && !object.spec.managed.roles.exists(r, r.name == {OwnerCel} && has(r.login) && r.login)",
        "PGP022: Clusters declare spec.managed.roles with a login role in the owner's roles and a passwordSecret, and the owner is no managed login",
        [AdmissionResource.Cluster]);

    /// <inheritdoc />
    public override IEnumerable<Violation> CheckObject(Manifest manifest, TierProfile? tier)
    {
        if (!manifest.Is(CnpgApi.Group, CnpgApi.ClusterKind))
        {
            yield break;
        }

        var owner = Owner(manifest);
        var roles = JsonPath.Objects(manifest.Element, "spec.managed.roles").ToList();
        var fix = $"declare two login roles ({owner}_a, {owner}_b) in spec.managed.roles with login, inRoles: [{owner}] and a passwordSecret each (AppDatabase does)";
        if (!roles.Any(r => JsonPath.IsTrue(r.Item, "login") && JsonPath.Array(r.Item, "inRoles").Any(m => m.GetString() == owner) && JsonPath.String(r.Item, "passwordSecret.name") is not null))
        {
            yield return Violation(manifest, "spec.managed.roles", $"no login role that is a member of the owner '{owner}' and takes its password from a Secret: the application would log in as the owner, which cannot rotate without downtime", fix);
        }

        foreach (var (index, role) in roles.Where(r => JsonPath.String(r.Item, "name") == owner && JsonPath.IsTrue(r.Item, "login")))
        {
            yield return Violation(manifest, $"spec.managed.roles[{index}].login", $"the owner '{owner}' is a managed login role", $"set login: false on '{owner}' and log in through its login roles");
        }
    }

    /// <inheritdoc />
    public override IEnumerable<Violation> CheckAcross(Manifest manifest, ManifestSet all, TierProfile? tier)
    {
        if (Kinds.PodSpec(manifest) is not { } pod)
        {
            yield break;
        }

        foreach (var list in new[] { "containers", "initContainers" })
        {
            foreach (var (index, container) in JsonPath.Objects(pod.Spec, list))
            {
                var references = JsonPath.Objects(container, "env").Select(e => ($"env[{e.Index}].valueFrom.secretKeyRef.name", JsonPath.String(e.Item, "valueFrom.secretKeyRef.name")))
                    .Concat(JsonPath.Objects(container, "envFrom").Select(e => ($"envFrom[{e.Index}].secretRef.name", JsonPath.String(e.Item, "secretRef.name"))));
                foreach (var (field, secret) in references)
                {
                    if (secret is not null && Privileged(all, manifest, secret) is { } what)
                    {
                        yield return Violation(manifest, $"{pod.Path}.{list}[{index}].{field}", $"reads Secret '{secret}', {what}",
                            "read the active login's Secret (<cluster>-login, written by its ExternalSecret), so a rotation can switch logins");
                    }
                }
            }
        }
    }

    private static string Owner(Manifest cluster) =>
        JsonPath.String(cluster.Element, "spec.bootstrap.initdb.owner") ?? JsonPath.String(cluster.Element, "spec.bootstrap.recovery.owner") ?? DefaultOwner;

    // Clusters indexed once by the Secrets they make privileged, so a workload's lookup costs its references, not the set.
    private static readonly ManifestKey PrivilegedSecret = new("privileged Secrets", c => PrivilegedSecrets(c).Select(p => p.Secret));

    /// <summary>What <paramref name="secret"/> is when a Cluster in <paramref name="workload"/>'s namespace makes it privileged; null otherwise.</summary>
    private static string? Privileged(ManifestSet all, Manifest workload, string secret) =>
        all.Find(workload, CnpgApi.Group, CnpgApi.ClusterKind, PrivilegedSecret, secret)
            .SelectMany(PrivilegedSecrets).Where(p => p.Secret == secret).Select(p => p.What).FirstOrDefault();

    /// <summary>Secrets holding the owner's or the superuser's password: what CNPG bootstraps with or generates (<c>&lt;cluster&gt;-app</c>, <c>&lt;cluster&gt;-superuser</c>).</summary>
    private static IEnumerable<(string Secret, string What)> PrivilegedSecrets(Manifest cluster)
    {
        var owner = $"the bootstrap Secret of the owner '{Owner(cluster)}' of Cluster {cluster.Name}";
        foreach (var path in new[] { "spec.bootstrap.initdb.secret.name", "spec.bootstrap.recovery.secret.name" })
        {
            if (JsonPath.String(cluster.Element, path) is { } secret)
            {
                yield return (secret, owner);
            }
        }

        yield return ($"{cluster.Name}-app", owner);
        yield return ($"{cluster.Name}-superuser", $"the superuser Secret of Cluster {cluster.Name}");
        if (JsonPath.String(cluster.Element, "spec.superuserSecret.name") is { } superuser)
        {
            yield return (superuser, $"the superuser Secret of Cluster {cluster.Name}");
        }
    }
}
