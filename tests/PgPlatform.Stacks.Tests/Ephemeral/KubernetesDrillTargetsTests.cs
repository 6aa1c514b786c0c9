using System.Text.Json;
using PgPlatform.Components.Declaration;
using PgPlatform.Components.Settings;
using PgPlatform.Components.Tiers;
using PgPlatform.Infra.Platform;
using PgPlatform.Stacks.Ephemeral;
using PgPlatform.Stacks.Targets;
using PgPlatform.Stacks.Targets.Kubernetes;
using PgPlatform.Stacks.Tests.Targets.Kubernetes;
using PgPlatform.Stacks.Tests.Targets.ObjectStore;
using static PgPlatform.Stacks.Tests.Targets.Kubernetes.CnpgFixtures;

namespace PgPlatform.Stacks.Tests.Ephemeral;

/// <summary>
/// Nothing in the driver rebuilds a name: it declares the ephemeral stack it deploys, and the Kubernetes target acts
/// on exactly the names that declaration gives the database. A stack that declares other names is followed as is.
/// </summary>
public sealed class KubernetesDrillTargetsTests
{
    private readonly FakeSecretStore _vault = new();
    private readonly FakeBlobService _blobs = new();
    private readonly List<string> _used = [];

    [Fact]
    public async Task TheTargetOfTheDevStacksLinkdingActsOnTheNamesItsDeclarationGives()
    {
        var dev = DeclaredStack.Load(RepoRoot(), "dev", ApplicationCatalog.All);
        var deployed = Deploy(dev.Settings, ApplicationCatalog.All, "linkding", "drill-1a2b3c");
        var declared = deployed.Database;
        Assert.Equal(
            ("linkding-drill-1a2b3c", "linkding-db", "linkding-db-owner", "linkding-db-owner", "linkding-drill-1a2b3c-db-owner-password", "linkding-db"),
            (declared.Cluster.Metadata.NamespaceProperty, declared.Cluster.Metadata.Name, declared.OwnerSecret.Spec.Target.Name, declared.OwnerSecret.Metadata.Name,
             declared.OwnerSecret.Spec.Data[0].RemoteRef.Key, declared.Cluster.Spec.ServiceAccountName));
        Assert.Equal("https://stpgpdevbackups.blob.core.windows.net/linkding-drill-1a2b3c", declared.ObjectStore.Spec.Configuration.DestinationPath);

        var api = await StartAndListAsync(deployed, "linkding-drill-1a2b3c", "linkding-db", "linkding-db-owner", "linkding-db");

        Assert.Equal(["container https://stpgpdevbackups.blob.core.windows.net/linkding-drill-1a2b3c", "context aks-dev-weu", "vault kv-pgp-dev"], _used.Order(StringComparer.Ordinal));
        Assert.Equal(
        [
            "GET /apis/postgresql.cnpg.io/v1/namespaces/linkding-drill-1a2b3c/clusters/linkding-db",
            "GET /apis/apps/v1/namespaces/cnpg-system/deployments?labelSelector=app.kubernetes.io/name=cloudnative-pg",
            "GET /api/v1/namespaces/linkding-drill-1a2b3c/secrets/linkding-db-owner",
            "GET /api/v1/namespaces/linkding-drill-1a2b3c/secrets/linkding-db-superuser",
            "GET /api/v1/namespaces/linkding-drill-1a2b3c/pods?labelSelector=cnpg.io/cluster=linkding-db,cnpg.io/podRole=instance",
        ], Distinct(api));
        var listing = Assert.Single(_blobs.Requests);
        Assert.Equal("/linkding-drill-1a2b3c", listing.AbsolutePath);
        Assert.Contains("prefix=linkding-db%2Fwals%2F", listing.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherApplicationInAnotherStackIsFollowedWithoutANameInTheDriverChanging()
    {
        var qa = SyntheticStacks.Settings("qa", TierProfiles.Staging, ["notes"]);
        var deployed = Deploy(qa, TestCatalog.Of("notes"), "notes", "nightly-9f8e7d");

        var api = await StartAndListAsync(deployed, "notes-nightly-9f8e7d", "notes-db", "notes-db-owner", "notes-db");

        Assert.Equal(["container https://stsyntheticqa.blob.core.windows.net/notes-nightly-9f8e7d", "context synthetic-qa", "vault kv-synthetic-qa"], _used.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(api.Requests, r => r.Path.Contains("linkding", StringComparison.Ordinal));
        Assert.Contains("prefix=notes-db%2Fwals%2F", Assert.Single(_blobs.Requests).Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADeclarationWhoseNamesFollowNoConventionIsFollowedAsDeclared()
    {
        var deployed = Deploy(SyntheticStacks.Settings("qa", TierProfiles.Staging, ["notes"]), TestCatalog.Of("notes"), "notes", "drill-9f8e7d");
        // The model's objects renamed away from DatabaseNames' pattern: only a driver that reads them can find the Cluster.
        var renamed = deployed with
        {
            Database = Renamed(deployed.Database, ("notes-drill-9f8e7d-db-owner-password", "vault-key-7"), ("notes-drill-9f8e7d", "books"), ("notes-db-owner", "books-login"), ("notes-db", "ledger")),
        };

        var api = await StartAndListAsync(renamed, "books", "ledger", "books-login", "ledger");

        Assert.Contains("container https://stsyntheticqa.blob.core.windows.net/books", _used);
        Assert.DoesNotContain(api.Requests, r => r.Path.Contains("notes", StringComparison.Ordinal));
        Assert.Contains("prefix=ledger%2Fwals%2F", Assert.Single(_blobs.Requests).Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InstancesThatDoNotRunAsTheDeclaredServiceAccountMakeTheTargetUnavailable()
    {
        var deployed = Deploy(SyntheticStacks.Settings("qa", TierProfiles.Staging, ["notes"]), TestCatalog.Of("notes"), "notes", "drill-9f8e7d");
        var api = LiveCluster("notes-drill-9f8e7d", "notes-db", "notes-db-owner", serviceAccount: "default");

        var error = await Assert.ThrowsAsync<TargetUnavailableException>(() => KubernetesDrillTargets.StartAsync(deployed, Connections(api), _ => { }, CancellationToken.None));

        Assert.StartsWith("pod notes-drill-9f8e7d/notes-db-1 runs as ServiceAccount 'default', not 'notes-db' that the stack declares", error.Message, StringComparison.Ordinal);
    }

    /// <summary>The ephemeral stack the driver would deploy for <paramref name="application"/>, declared as the driver declares it.</summary>
    private static DeployedDatabase Deploy(StackSettings baseStack, IReadOnlyList<CatalogEntry> catalog, string application, string stackName)
    {
        var stack = DeclaredStack.Declare(EphemeralDatabaseStack.Settings(baseStack, application, stackName), catalog);
        return new DeployedDatabase(stack, stack.Database(application), StackOutputs.Parse("{}"));
    }

    /// <summary><paramref name="database"/> with its Cluster, ObjectStore and ExternalSecret renamed (text replaced in order).</summary>
    private static DeclaredDatabase Renamed(DeclaredDatabase database, params (string From, string To)[] renames)
    {
        T Rename<T>(T declared)
        {
            var json = JsonSerializer.Serialize(declared);
            foreach (var (from, to) in renames)
            {
                json = json.Replace(from, to, StringComparison.Ordinal);
            }

            return JsonSerializer.Deserialize<T>(json)!;
        }

        return database with { Cluster = Rename(database.Cluster), ObjectStore = Rename(database.ObjectStore), OwnerSecret = Rename(database.OwnerSecret) };
    }

    /// <summary>Starts the target on a fake cluster serving the given names (the owner's login among them) and lists the archived WAL.</summary>
    private async Task<FakeKubernetesApi> StartAndListAsync(DeployedDatabase deployed, string ns, string cluster, string ownerSecret, string serviceAccount)
    {
        var api = LiveCluster(ns, cluster, ownerSecret, serviceAccount);
        await using var target = (KubernetesTarget)await KubernetesDrillTargets.StartAsync(deployed, Connections(api), _ => { }, CancellationToken.None);
        Assert.Empty(await target.ArchivedWalAsync(CancellationToken.None));
        return api;
    }

    private KubernetesDrillConnections Connections(FakeKubernetesApi api) => new()
    {
        Kubernetes = context =>
        {
            _used.Add($"context {context}");
            return api.Client;
        },
        PortForwarder = _ => new FakePortForwarder(),
        SecretStore = vault =>
        {
            _used.Add($"vault {vault}");
            return _vault;
        },
        Container = uri =>
        {
            _used.Add($"container {uri}");
            return _blobs.Container(uri);
        },
        ConfigureTarget = options => options with
        {
            ReadyTimeout = TimeSpan.FromSeconds(30),
            RotationTimeout = TimeSpan.FromSeconds(30),
            PollInterval = TimeSpan.FromMilliseconds(10),
            LoginProbe = (_, _) => Task.FromResult(true),
        },
    };

    /// <summary>A Ready Cluster <paramref name="cluster"/> in <paramref name="ns"/>, its owner Secret, no operator Deployment and one instance running as <paramref name="serviceAccount"/>; anything else is a 404.</summary>
    private static FakeKubernetesApi LiveCluster(string ns, string cluster, string ownerSecret, string serviceAccount) => new FakeKubernetesApi()
        .On("GET", $"/apis/postgresql.cnpg.io/v1/namespaces/{ns}/clusters/{cluster}", Cluster("linkding-db-1", ready: true))
        .On("GET", $"/api/v1/namespaces/{ns}/secrets/{ownerSecret}", Secret(ownerSecret, ("username", "app"), ("password", "old-password")))
        .On("GET", "/apis/apps/v1/namespaces/cnpg-system/deployments", """{"apiVersion":"apps/v1","kind":"DeploymentList","items":[]}""")
        .On("GET", $"/api/v1/namespaces/{ns}/pods", $$$"""{"apiVersion":"v1","kind":"PodList","items":[{"metadata":{"name":"{{{cluster}}}-1"},"spec":{"serviceAccountName":"{{{serviceAccount}}}","containers":[]}}]}""")
        .On("PATCH", $"/apis/external-secrets.io/v1/namespaces/{ns}/externalsecrets/{ownerSecret}", "{}");

    /// <summary>Each distinct request as <c>METHOD path?query</c>, query unescaped, in first-seen order.</summary>
    private static List<string> Distinct(FakeKubernetesApi api) =>
        [.. api.Requests.Select(r => $"{r.Method} {r.Path}{(r.Query.Length > 0 && r.Parameters.TryGetValue("labelSelector", out var selector) ? $"?labelSelector={selector}" : "")}").Distinct()];

    private static string RepoRoot([System.Runtime.CompilerServices.CallerFilePath] string path = "")
    {
        for (var dir = Path.GetDirectoryName(path); dir is not null; dir = Path.GetDirectoryName(dir))
        {
            if (File.Exists(Path.Combine(dir, "Pulumi.yaml")))
            {
                return dir;
            }
        }

        throw new DirectoryNotFoundException($"no Pulumi.yaml above {path}");
    }
}
