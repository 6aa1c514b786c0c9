using System.Net;
using PgPlatform.Components.Declaration;
using PgPlatform.Components.Settings;
using PgPlatform.Components.Tiers;
using PgPlatform.Components.Vocabulary;
using PgPlatform.Stacks.Targets;
using PgPlatform.Stacks.Targets.Kubernetes;
using static PgPlatform.Stacks.Tests.Targets.Kubernetes.CnpgFixtures;

namespace PgPlatform.Stacks.Tests.Targets.Kubernetes;

/// <summary>The rotation steps on CNPG managed roles and External Secrets, against the fake API server: exact patches, and each wait observed.</summary>
public sealed class KubernetesLoginRotationTests
{
    private const string ExternalSecrets = $"/apis/external-secrets.io/v1/namespaces/{Namespace}/externalsecrets";
    private const string Secrets = $"/api/v1/namespaces/{Namespace}/secrets";
    private const string DeploymentPath = $"/apis/apps/v1/namespaces/{Namespace}/deployments/linkding";
    private readonly FakeSecretStore _vault = new();
    private readonly List<(string User, string Password)> _probed = [];
    private bool _loginsAccepted = true;

    private static string ClusterWithRoles() => Cluster("linkding-db-1", ready: true).Replace(
        "\"spec\":{", "\"spec\":" + """{"managed":{"roles":[{"name":"linkding_a","login":true,"inRoles":["linkding"],"passwordSecret":{"name":"linkding-db-login-a"}},{"name":"linkding_b","login":false,"inRoles":["linkding"],"passwordSecret":{"name":"linkding-db-login-b"}}]},""", StringComparison.Ordinal);

    private static FakeKubernetesApi Api() => ReadyCluster().On("GET", ClusterPath, ClusterWithRoles())
        .On("PATCH", ClusterPath, "{}")
        .On("PATCH", $"{ExternalSecrets}/linkding-db-login-b", "{}")
        .On("PATCH", $"{ExternalSecrets}/linkding-db-login", "{}");

    [Fact]
    public async Task ANewPasswordGoesToKeyVaultIsSyncedIntoTheLoginSecretAndTheLoginIsAllowedByAGuardedJsonPatch()
    {
        var api = Api();
        await using var target = await StartAsync(api);
        _vault.OnSet = password => api.On("GET", $"{Secrets}/linkding-db-login-b", InTurn(
            Secret("linkding-db-login-b", ("username", "linkding_b"), ("password", "old-b")),
            Secret("linkding-db-login-b", ("username", "linkding_b"), ("password", password))));

        var changed = await target.WriteLoginPasswordAsync("b", "new-b", CancellationToken.None);

        Assert.Equal([("linkding-drill-db-login-b-password", "new-b")], _vault.Writes);
        var (sync, login) = (api.Writes[0], api.Writes[1]);
        Assert.Equal(($"{ExternalSecrets}/linkding-db-login-b", "application/merge-patch+json"), (sync.Path, sync.ContentType));
        Assert.Matches("""^\{"metadata":\{"annotations":\{"force-sync":"\d{10}"\}\}\}$""", sync.Body);
        Assert.True(api.Requests.Count(r => r.Path == $"{Secrets}/linkding-db-login-b") >= 2);
        Assert.Equal((ClusterPath, "application/json-patch+json"), (login.Path, login.ContentType));
        Assert.Equal("""[{"op":"test","path":"/spec/managed/roles/1/name","value":"linkding_b"},{"op":"add","path":"/spec/managed/roles/1/login","value":true}]""", login.Body);
        Assert.Equal(2, api.Writes.Count);
        Assert.Equal("Key Vault secret linkding-drill-db-login-b-password written, ExternalSecret linkding-db-login-b synced, Cluster linkding-db role linkding_b login: true", changed);
        Assert.DoesNotContain("new-b", changed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSwitchWritesTheActiveSlotAndWaitsUntilTheApplicationsSecretNamesTheNewLogin()
    {
        var api = Api();
        await using var target = await StartAsync(api);
        _vault.OnSet = _ => api.On("GET", $"{Secrets}/linkding-db-login", InTurn(
            Secret("linkding-db-login", ("username", "linkding_a"), ("password", "pa")),
            Secret("linkding-db-login", ("username", "linkding_b"), ("password", "pb"))));

        await target.SwitchActiveLoginAsync("b", CancellationToken.None);

        Assert.Equal([("linkding-drill-db-active-login", "b")], _vault.Writes);
        Assert.Equal($"{ExternalSecrets}/linkding-db-login", Assert.Single(api.Writes).Path);
        Assert.Equal(new ActiveLogin("b", "linkding_b", "pb"), await target.ReadActiveLoginAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ClientsReloadByARollingRestartThatIsWaitedForUntilEveryReplicaIsNew()
    {
        var api = Api().On("PATCH", DeploymentPath, "{}").On("GET", DeploymentPath, InTurn(
            """{"metadata":{"name":"linkding","generation":2},"spec":{"replicas":2,"selector":{},"template":{"spec":{"containers":[]}}},"status":{"observedGeneration":2,"replicas":3,"updatedReplicas":1,"availableReplicas":2}}""",
            """{"metadata":{"name":"linkding","generation":2},"spec":{"replicas":2,"selector":{},"template":{"spec":{"containers":[]}}},"status":{"observedGeneration":2,"replicas":2,"updatedReplicas":2,"availableReplicas":2}}"""));
        await using var target = await StartAsync(api);

        var changed = await target.ReloadClientsAsync(CancellationToken.None);

        var restart = Assert.Single(api.Writes);
        Assert.Equal((DeploymentPath, "application/merge-patch+json"), (restart.Path, restart.ContentType));
        Assert.Matches("""^\{"spec":\{"template":\{"metadata":\{"annotations":\{"kubectl.kubernetes.io/restartedAt":"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"\}\}\}\}\}$""", restart.Body);
        Assert.Equal(2, api.Requests.Count(r => r.Method == "GET" && r.Path == DeploymentPath));
        Assert.StartsWith($"Deployment {Namespace}/linkding restarted", changed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DisablingPatchesLoginFalseAndWaitsUntilALoginIsRefused()
    {
        var api = Api().On("GET", $"{Secrets}/linkding-db-login-a", Secret("linkding-db-login-a", ("username", "linkding_a"), ("password", "pa")));
        await using var target = await StartAsync(api);
        _loginsAccepted = false;

        await target.DisableLoginAsync("a", CancellationToken.None);

        Assert.Equal("""[{"op":"test","path":"/spec/managed/roles/0/name","value":"linkding_a"},{"op":"add","path":"/spec/managed/roles/0/login","value":false}]""", Assert.Single(api.Writes).Body);
        Assert.Equal(("linkding_a", "pa"), Assert.Single(_probed));
    }

    [Fact]
    public async Task TheRotationStateIsAnAnnotationOnTheApplicationsExternalSecret()
    {
        var state = new RotationState("a", "b", RotationStep.Switched, new DateTimeOffset(2026, 12, 2, 12, 0, 0, TimeSpan.Zero));
        var api = Api().On("GET", $"{ExternalSecrets}/linkding-db-login",
            """{"apiVersion":"external-secrets.io/v1","kind":"ExternalSecret","metadata":{"name":"linkding-db-login","annotations":{"pg-platform.io/rotation":""" + System.Text.Json.JsonSerializer.Serialize(state.ToJson()) + "}}}");
        await using var target = await StartAsync(api);

        await target.WriteRotationAsync(state, CancellationToken.None);
        await target.WriteRotationAsync(null, CancellationToken.None);

        Assert.Equal(
            ["""{"metadata":{"annotations":{"pg-platform.io/rotation":"{\u0022from\u0022:\u0022a\u0022,\u0022to\u0022:\u0022b\u0022,\u0022done\u0022:\u0022switched\u0022,\u0022startedAt\u0022:\u00222026-12-02T12:00:00\u002B00:00\u0022}"}}}""",
             """{"metadata":{"annotations":{"pg-platform.io/rotation":null}}}"""],
            api.Writes.Select(w => w.Body));
        Assert.Equal(state, await target.ReadRotationAsync(CancellationToken.None));
    }

    [Fact]
    public async Task TheTargetActsOnTheLoginsTheStackDeclaresWhateverTheirNames()
    {
        var notes = DeclaredStack.Declare(SyntheticStacks.Settings("qa", TierProfiles.Staging, ["notes"]), TestCatalog.Of("notes")).Database("notes");
        Assert.Equal(new KubernetesLogins(notes.Owner, notes.Logins!, "notes"), KubernetesTargetOptions.For(notes).Logins);
        // The declaration renamed away from DatabaseNames' pattern: only a target that reads it finds these objects.
        var declared = notes.Logins! with
        {
            Logins = [.. notes.Logins!.Logins.Select(l => l with { Role = $"books_{l.Slot}", Secret = $"books-pw-{l.Slot}", ExternalSecret = $"sync-{l.Slot}", VaultSecret = $"vault-{l.Slot}" })],
            ActiveSecret = "books-app",
            ActiveExternalSecret = "sync-app",
            ActiveVaultSecret = "vault-active",
        };
        var api = ReadyCluster().On("GET", ClusterPath, ClusterWithRoles().Replace("linkding_", "books_", StringComparison.Ordinal))
            .On("PATCH", ClusterPath, "{}").On("PATCH", $"{ExternalSecrets}/sync-b", "{}").On("PATCH", $"{ExternalSecrets}/sync-app", "{}");
        await using var target = await StartAsync(api, new KubernetesLogins("books", declared, null));
        _vault.OnSet = password => api.On("GET", $"{Secrets}/books-pw-b", Secret("books-pw-b", ("username", "books_b"), ("password", password)))
            .On("GET", $"{Secrets}/books-app", Secret("books-app", ("username", "books_b"), ("password", password)));

        await target.WriteLoginPasswordAsync("b", "new-b", CancellationToken.None);
        var switched = await target.SwitchActiveLoginAsync("b", CancellationToken.None);

        Assert.Equal([("vault-b", "new-b"), ("vault-active", "b")], _vault.Writes);
        Assert.Equal([$"{ExternalSecrets}/sync-b", ClusterPath, $"{ExternalSecrets}/sync-app"], api.Writes.Select(w => w.Path));
        Assert.Equal("""[{"op":"test","path":"/spec/managed/roles/1/name","value":"books_b"},{"op":"add","path":"/spec/managed/roles/1/login","value":true}]""", api.Writes[1].Body);
        Assert.Equal("Key Vault secret vault-active = b, Secret books-app holds books_b", switched);
        Assert.Equal(("b", "books_b"), ((await target.ReadActiveLoginAsync(CancellationToken.None)).Slot, target.LoginRole("b")));
    }

    [Fact]
    public async Task AClusterWithoutTheLoginRoleIsAClearError()
    {
        var api = ReadyCluster().On("PATCH", ClusterPath, "{}");
        await using var target = await StartAsync(api);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => target.DisableLoginAsync("a", CancellationToken.None));

        Assert.Equal($"Cluster {Namespace}/linkding-db declares no managed role linkding_a in spec.managed.roles", error.Message);
        Assert.Empty(api.Writes);
    }

    /// <summary>The logins as a drill stack declares linkding's (<see cref="PgPlatform.Components.Declaration.DeclaredDatabase.Logins"/>).</summary>
    private static readonly DeclaredLogins DrillLogins = new(
        [.. DatabaseNames.LoginSlots.Select(slot => new DeclaredLogin(slot, DatabaseNames.LoginRole("linkding", slot), Names.LoginSecret(slot), Names.LoginSecret(slot), Names.LoginVaultSecret(slot)))],
        Names.ActiveLoginSecret, Names.ActiveLoginSecret, Names.ActiveLoginVaultSecret);

    private static DatabaseNames Names => new("linkding", "drill");

    private Task<KubernetesTarget> StartAsync(FakeKubernetesApi api, KubernetesLogins? logins = null) => KubernetesTarget.StartAsync(api.Client, new KubernetesTargetOptions
    {
        Namespace = Namespace,
        ClusterName = "linkding-db",
        OwnerSecretName = "linkding-db-owner",
        Logins = logins ?? new KubernetesLogins("linkding", DrillLogins, "linkding"),
        RotationTimeout = TimeSpan.FromSeconds(30),
        PollInterval = TimeSpan.FromMilliseconds(10),
        LoginProbe = (connectionString, _) =>
        {
            var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
            _probed.Add((builder.Username!, builder.Password!));
            return Task.FromResult(_loginsAccepted);
        },
    }, new FakePortForwarder(), _vault, _ => { }, CancellationToken.None);
}
