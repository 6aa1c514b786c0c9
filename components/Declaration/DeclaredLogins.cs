using PgPlatform.Components.Day2;
using PgPlatform.Components.Kubernetes.Crds.Cnpg;
using PgPlatform.Components.Kubernetes.Crds.ExternalSecrets;
using PgPlatform.Components.Model;

namespace PgPlatform.Components.Declaration;

/// <summary>
/// The login roles of a database and the Secret the application mounts, read from the declared objects: the Cluster's
/// <c>spec.managed.roles</c> that are members of the owner with a <c>passwordSecret</c>, the ExternalSecret writing each
/// of those Secrets (and its Key Vault secret), and the application's login ExternalSecret, which names the active slot's
/// Key Vault secret and pairs each slot with a login's Key Vault secret. Nothing here is rebuilt from naming rules, so a
/// changed declaration is followed by the rotation without a change of the driver.
/// </summary>
/// <param name="Logins">The login roles in the Cluster's order.</param>
/// <param name="ActiveSecret">The Secret the application mounts (the active login's user name and password).</param>
/// <param name="ActiveExternalSecret">The ExternalSecret writing <paramref name="ActiveSecret"/> (where the rotation records its progress).</param>
/// <param name="ActiveVaultSecret">The Key Vault secret holding the active slot.</param>
public sealed record DeclaredLogins(IReadOnlyList<DeclaredLogin> Logins, string ActiveSecret, string ActiveExternalSecret, string ActiveVaultSecret)
{
    /// <summary>The login of <paramref name="slot"/>; an <see cref="ArgumentException"/> naming the declared slots when there is none.</summary>
    public DeclaredLogin Slot(string slot) => Logins.FirstOrDefault(l => l.Slot == slot)
        ?? throw new ArgumentException($"no login role is declared for slot '{slot}' (declared: {string.Join(", ", Logins.Select(l => $"{l.Slot} = {l.Role}"))})", nameof(slot));

    /// <summary>The slot of <paramref name="role"/>, or null when it is no declared login role.</summary>
    public string? SlotOf(string role) => Logins.FirstOrDefault(l => l.Role == role)?.Slot;

    /// <summary>
    /// The logins <paramref name="cluster"/> declares for <paramref name="owner"/>, with the ExternalSecrets of its namespace
    /// (<paramref name="externalSecrets"/>); null when the Cluster declares no login role (a database without rotation).
    /// </summary>
    public static DeclaredLogins? Read(Cluster cluster, string owner, IReadOnlyList<ExternalSecret> externalSecrets)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(externalSecrets);
        var at = $"Cluster {cluster.Metadata.NamespaceProperty}/{cluster.Metadata.Name}";
        var roles = (cluster.Spec.Managed?.Roles ?? []).Where(r => r.InRoles?.Contains(owner) == true && r.PasswordSecret is not null).ToList();
        if (roles.Count == 0)
        {
            return null;
        }

        static string TargetOf(ExternalSecret e) => e.Spec.Target.Name ?? e.Metadata.Name;
        var active = externalSecrets.Where(e => e.Spec.Data.Any(d => d.SecretKey == DatabaseLogins.ActiveKey)).ToList();
        if (active.Count != 1)
        {
            throw new DeclarationException(
                $"{at} declares login roles ({string.Join(", ", roles.Select(r => r.Name))}) but its namespace has {active.Count} ExternalSecrets with a '{DatabaseLogins.ActiveKey}' key, not one for the application's login",
                "declare databases with AppDatabase (DatabaseLogins.ActiveLoginSecret)");
        }

        var application = active[0];
        var logins = roles.Select(role =>
        {
            var secret = role.PasswordSecret!.Name;
            var external = externalSecrets.FirstOrDefault(e => TargetOf(e) == secret)
                ?? throw new DeclarationException($"{at} reads the password of {role.Name} from Secret {secret}, which no ExternalSecret of the namespace writes", "declare databases with AppDatabase (DatabaseLogins.LoginSecret)");
            var vault = external.Spec.Data.Single().RemoteRef.Key;
            var slot = application.Spec.Data.FirstOrDefault(d => d.RemoteRef.Key == vault && d.SecretKey != DatabaseLogins.ActiveKey) is { } entry
                && DatabaseLoginsSlot(entry.SecretKey) is { } named
                    ? named
                    : throw new DeclarationException($"ExternalSecret {application.Metadata.Name} has no password key for Key Vault secret {vault} of {role.Name}", "declare databases with AppDatabase (DatabaseLogins.ActiveLoginSecret)");
            return new DeclaredLogin(slot, role.Name, secret, external.Metadata.Name, vault);
        }).ToList();
        var key = application.Spec.Data.First(d => d.SecretKey == DatabaseLogins.ActiveKey).RemoteRef.Key;
        return new DeclaredLogins(logins, TargetOf(application), application.Metadata.Name, key);
    }

    /// <summary>The slot a password key names (<see cref="DatabaseLogins.PasswordKey"/>), or null.</summary>
    private static string? DatabaseLoginsSlot(string secretKey)
    {
        var prefix = DatabaseLogins.PasswordKey("");
        return secretKey.StartsWith(prefix, StringComparison.Ordinal) && secretKey.Length > prefix.Length ? secretKey[prefix.Length..] : null;
    }
}
