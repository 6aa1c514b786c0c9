namespace PgPlatform.Components.Vocabulary;

/// <summary>
/// How pg-platform names the objects of one application's database in one environment. The components
/// declare with these names and the drill driver finds what they declared with them; nothing else builds
/// them from strings.
/// </summary>
/// <param name="Application">The application (<c>linkding</c>).</param>
/// <param name="Environment">The environment, i.e. the stack (<c>prod</c>).</param>
public sealed record DatabaseNames(string Application, string Environment)
{
    /// <summary>The namespace the application and its database live in: <c>&lt;app&gt;-&lt;env&gt;</c>.</summary>
    public string Namespace => $"{Application}-{Environment}";

    /// <summary>The CNPG Cluster: <c>&lt;app&gt;-db</c>.</summary>
    public string Cluster => $"{Application}-db";

    /// <summary>
    /// The ServiceAccount the instances run as. It must equal the Cluster's name: the Barman Cloud plugin binds its
    /// Role to a ServiceAccount named after the Cluster (plugin-barman-cloud <c>internal/cnpgi/operator/specs/role.go</c>).
    /// </summary>
    public string ServiceAccount => Cluster;

    /// <summary>The ObjectStore the Cluster archives into: <c>&lt;cluster&gt;-backups</c>.</summary>
    public string ObjectStore => $"{Cluster}-backups";

    /// <summary>The read-only ObjectStore a restored Cluster recovers from: <c>&lt;cluster&gt;-origin</c>.</summary>
    public string OriginObjectStore => $"{Cluster}-origin";

    /// <summary>The Secret (and ExternalSecret) holding the owner's login: <c>&lt;cluster&gt;-owner</c>.</summary>
    public string OwnerSecret => $"{Cluster}-owner";

    /// <summary>The Key Vault secret holding the owner's password: <c>&lt;app&gt;-&lt;env&gt;-db-owner-password</c>.</summary>
    public string VaultSecret => $"{Application}-{Environment}-db-owner-password";

    /// <summary>
    /// The two login slots of every database: each names one login role, its Secret and its Key Vault secret. One
    /// slot is active (the application logs in with it); a rotation renews the other and switches.
    /// </summary>
    public static IReadOnlyList<string> LoginSlots { get; } = ["a", "b"];

    /// <summary>The login role of <paramref name="slot"/>, a member of <paramref name="owner"/> acting as it: <c>&lt;owner&gt;_&lt;slot&gt;</c> (<c>linkding_a</c>).</summary>
    public static string LoginRole(string owner, string slot) => $"{owner}_{RequireSlot(slot)}";

    /// <summary>The slot of <paramref name="loginRole"/> (<c>linkding_b</c> is <c>b</c>), or null when it is no login role of <paramref name="owner"/>.</summary>
    public static string? SlotOf(string owner, string loginRole) => LoginSlots.FirstOrDefault(s => LoginRole(owner, s) == loginRole);

    /// <summary>The other slot: where a rotation from <paramref name="slot"/> goes.</summary>
    public static string OtherSlot(string slot) => RequireSlot(slot) == LoginSlots[0] ? LoginSlots[1] : LoginSlots[0];

    /// <summary>The Secret (and ExternalSecret) holding the login of <paramref name="slot"/>, which CNPG reads: <c>&lt;cluster&gt;-login-&lt;slot&gt;</c>.</summary>
    public string LoginSecret(string slot) => $"{Cluster}-login-{RequireSlot(slot)}";

    /// <summary>The Key Vault secret holding the password of the login of <paramref name="slot"/>: <c>&lt;app&gt;-&lt;env&gt;-db-login-&lt;slot&gt;-password</c>.</summary>
    public string LoginVaultSecret(string slot) => $"{Application}-{Environment}-db-login-{RequireSlot(slot)}-password";

    /// <summary>The Secret (and ExternalSecret) the application mounts: the active login's user name and password, <c>&lt;cluster&gt;-login</c>.</summary>
    public string ActiveLoginSecret => $"{Cluster}-login";

    /// <summary>The Key Vault secret naming the active slot (<c>a</c> or <c>b</c>): <c>&lt;app&gt;-&lt;env&gt;-db-active-login</c>.</summary>
    public string ActiveLoginVaultSecret => $"{Application}-{Environment}-db-active-login";

    /// <summary>The blob container holding the backups: <c>&lt;app&gt;-&lt;env&gt;</c>.</summary>
    public string BackupContainer => $"{Application}-{Environment}";

    /// <summary>The ScheduledBackup: <c>&lt;cluster&gt;-base-backup</c>.</summary>
    public string ScheduledBackup => $"{Cluster}-base-backup";

    /// <summary>The PrometheusRule: <c>&lt;cluster&gt;-alerts</c>.</summary>
    public string Alerts => $"{Cluster}-alerts";

    /// <summary>The host applications connect to: the read-write Service in the namespace.</summary>
    public string ReadWriteHost => $"{CnpgApi.ReadWriteService(Cluster)}.{Namespace}.svc";

    /// <summary>The Argo CD Application delivering the database: <c>&lt;app&gt;-db-&lt;env&gt;</c>.</summary>
    public string DatabaseApplication => $"{Application}-db-{Environment}";

    /// <summary>The Argo CD Application delivering the workload: <c>&lt;app&gt;-app-&lt;env&gt;</c>.</summary>
    public string WorkloadApplication => $"{Application}-app-{Environment}";

    /// <summary>The blob container URI in <paramref name="storageAccount"/>.</summary>
    public Uri BackupContainerUri(string storageAccount) => new($"https://{storageAccount}.blob.core.windows.net/{BackupContainer}");

    private static string RequireSlot(string slot) => LoginSlots.Contains(slot)
        ? slot
        : throw new ArgumentException($"login slot '{slot}' is not one of {string.Join(", ", LoginSlots)}", nameof(slot));
}
