using k8s.Models;
using PgPlatform.Components.Kubernetes.Crds.Cnpg;
using PgPlatform.Components.Kubernetes.Crds.ExternalSecrets;
using PgPlatform.Components.Model;
using PgPlatform.Components.Vocabulary;

namespace PgPlatform.Components.Day2;

/// <summary>
/// The two login roles of a database (<see cref="DatabaseNames.LoginSlots"/>): members of the owner that act as it
/// (<c>ALTER ROLE ... SET role</c>, so whatever a login creates is owned by the owner), each with its password in
/// its own Key Vault secret brought in by its own ExternalSecret, and one Secret the application mounts that holds
/// the active login (chosen by a third Key Vault secret holding the active slot). Slot <c>a</c> starts active; the
/// inactive login starts without <c>LOGIN</c>. The owner keeps its bootstrap Secret for the platform only.
/// </summary>
public static class DatabaseLogins
{
    /// <summary>The key of the application's login ExternalSecret holding the active slot.</summary>
    public const string ActiveKey = "active";

    /// <summary>The key of the application's login ExternalSecret holding the password of <paramref name="slot"/>.</summary>
    public static string PasswordKey(string slot) => $"password_{slot}";

    /// <summary>The slot active after bootstrap.</summary>
    public static string InitialSlot => DatabaseNames.LoginSlots[0];

    /// <summary>CNPG's <c>spec.managed</c>: one role per slot, a member of <paramref name="owner"/>, its password from its Secret.</summary>
    public static ManagedConfiguration Managed(DatabaseNames names, string owner) => new()
    {
        Roles = [.. DatabaseNames.LoginSlots.Select(slot => new RoleConfiguration
        {
            Name = DatabaseNames.LoginRole(owner, slot),
            Ensure = "present",
            Comment = $"login {slot} of {owner}: acts as {owner}; one login is active, rotation renews the other and switches",
            Login = slot == InitialSlot,
            Inherit = true,
            InRoles = [owner],
            PasswordSecret = new LocalObjectReference { Name = names.LoginSecret(slot) },
        })],
    };

    /// <summary>
    /// SQL run once after initdb: creates the logins (CNPG then manages them as declared) and makes each act as the
    /// owner from its first statement. The instance manager creates managed roles only after bootstrap, and the
    /// CRD has no per-role settings, so the <c>SET role</c> default is made here.
    /// </summary>
    public static IList<string> PostInitSql(string owner) =>
    [
        .. DatabaseNames.LoginSlots.SelectMany(slot => new[]
        {
            $"CREATE ROLE {DatabaseNames.LoginRole(owner, slot)} NOLOGIN IN ROLE {owner}",
            $"ALTER ROLE {DatabaseNames.LoginRole(owner, slot)} SET role = '{owner}'",
        }),
    ];

    /// <summary>The ExternalSecret of the login of <paramref name="slot"/>: a basic-auth Secret CNPG reads and reloads on change.</summary>
    public static ExternalSecret LoginSecret(V1ObjectMeta meta, PlatformEnvironment env, DatabaseNames names, string owner, string slot, IDictionary<string, string> labels) => new()
    {
        Metadata = meta,
        Spec = new ExternalSecretSpec
        {
            RefreshInterval = "1h",
            SecretStoreRef = new SecretStoreRef { Name = env.SecretStoreName, Kind = ExternalSecretsApi.ClusterSecretStoreKind },
            Target = new ExternalSecretTarget
            {
                Name = names.LoginSecret(slot),
                CreationPolicy = "Owner",
                Template = new ExternalSecretTemplate
                {
                    Type = "kubernetes.io/basic-auth",
                    EngineVersion = "v2",
                    Metadata = new EmbeddedObjectMetadata { Labels = new Dictionary<string, string>(labels) { [CnpgApi.ReloadLabel] = "true" } },
                    Data = new Dictionary<string, string> { ["username"] = DatabaseNames.LoginRole(owner, slot), ["password"] = "{{ .password }}" },
                },
            },
            Data = [new ExternalSecretData { SecretKey = "password", RemoteRef = new RemoteReference { Key = names.LoginVaultSecret(slot) } }],
        },
    };

    /// <summary>
    /// The ExternalSecret of the Secret the application mounts: the active slot and both passwords come from Key
    /// Vault, and the template picks the active login (ESO template engine v2, Go templates).
    /// </summary>
    public static ExternalSecret ActiveLoginSecret(V1ObjectMeta meta, PlatformEnvironment env, DatabaseNames names, string owner, IDictionary<string, string> labels)
    {
        var (a, b) = (DatabaseNames.LoginSlots[0], DatabaseNames.LoginSlots[1]);
        string Pick(string whenB, string whenA) => $"{{{{ if eq .{ActiveKey} \"{b}\" }}}}{whenB}{{{{ else }}}}{whenA}{{{{ end }}}}";
        return new ExternalSecret
        {
            Metadata = meta,
            Spec = new ExternalSecretSpec
            {
                RefreshInterval = "1h",
                SecretStoreRef = new SecretStoreRef { Name = env.SecretStoreName, Kind = ExternalSecretsApi.ClusterSecretStoreKind },
                Target = new ExternalSecretTarget
                {
                    Name = names.ActiveLoginSecret,
                    CreationPolicy = "Owner",
                    Template = new ExternalSecretTemplate
                    {
                        Type = "kubernetes.io/basic-auth",
                        EngineVersion = "v2",
                        Metadata = new EmbeddedObjectMetadata { Labels = new Dictionary<string, string>(labels) },
                        Data = new Dictionary<string, string>
                        {
                            ["username"] = Pick(DatabaseNames.LoginRole(owner, b), DatabaseNames.LoginRole(owner, a)),
                            ["password"] = Pick($"{{{{ .{PasswordKey(b)} }}}}", $"{{{{ .{PasswordKey(a)} }}}}"),
                        },
                    },
                },
                Data =
                [
                    new ExternalSecretData { SecretKey = ActiveKey, RemoteRef = new RemoteReference { Key = names.ActiveLoginVaultSecret } },
                    .. DatabaseNames.LoginSlots.Select(slot => new ExternalSecretData { SecretKey = PasswordKey(slot), RemoteRef = new RemoteReference { Key = names.LoginVaultSecret(slot) } }),
                ],
            },
        };
    }

    /// <summary>
    /// The input of an <c>azure-native:keyvault:Secret</c> the rotation runbook rewrites out of band (its value: input
    /// <c>properties</c>, type <c>SecretProperties</c>, property <c>value</c>, as the provider schema in
    /// <c>../shared/schemas/pulumi</c> names them). The program declares it with <c>ignoreChanges</c>: Pulumi writes it
    /// on create and afterwards keeps its recorded value (Pulumi docs, <c>concepts/options/ignorechanges</c>), so a
    /// replaced <c>random:RandomPassword</c> or another declared value never puts an old password or slot back.
    /// </summary>
    public const string RotatedVaultProperty = "properties.value";

    /// <summary>
    /// Adds a random password per login and the Key Vault secrets (both passwords, the active slot), each ignoring
    /// changes of <see cref="RotatedVaultProperty"/>; returns the logical names of the Key Vault secrets.
    /// </summary>
    public static IReadOnlyList<string> AddVaultSecrets(ResourceModel model, Func<string, string> logical, DatabaseNames names, PlatformEnvironment env, IReadOnlyList<string> dependsOn)
    {
        var secrets = new List<string>();
        PulumiResource VaultSecret(string part, string secretName, object value) => model.Add(new PulumiResource(logical(part), "azure-native:keyvault:Secret", new Dictionary<string, object?>
        {
            ["resourceGroupName"] = env.ResourceGroupName,
            ["vaultName"] = env.KeyVaultName,
            ["secretName"] = secretName,
            ["properties"] = new Dictionary<string, object?> { ["value"] = value, ["contentType"] = "text/plain" },
        }) { DependsOn = dependsOn, IgnoreChanges = [RotatedVaultProperty] });

        foreach (var slot in DatabaseNames.LoginSlots)
        {
            var password = model.Add(new PulumiResource(logical($"login-{slot}-password"), "random:RandomPassword", new Dictionary<string, object?> { ["length"] = 32, ["special"] = false }));
            secrets.Add(VaultSecret($"login-{slot}-password-kv", names.LoginVaultSecret(slot), new OutputReference(password.Name, "result")).Name);
        }

        // Rotation rewrites this value out of band (the active slot); like the passwords, the program sets it only on create.
        secrets.Add(VaultSecret("active-login-kv", names.ActiveLoginVaultSecret, InitialSlot).Name);
        return secrets;
    }
}
