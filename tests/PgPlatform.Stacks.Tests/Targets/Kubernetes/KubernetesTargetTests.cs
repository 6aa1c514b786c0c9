using System.Text.Json.Nodes;
using Npgsql;
using PgPlatform.Stacks.Targets;
using PgPlatform.Stacks.Targets.Kubernetes;
using static PgPlatform.Stacks.Tests.Targets.Kubernetes.CnpgFixtures;
using static PgPlatform.Stacks.Tests.Targets.Kubernetes.WatchAnswer;

namespace PgPlatform.Stacks.Tests.Targets.Kubernetes;

public sealed class KubernetesTargetTests
{
    private readonly FakePortForwarder _forwarder = new();
    private readonly FakeSecretStore _vault = new();
    private readonly List<string> _probed = [];
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task StartReadsTheFactsFromTheLiveObjects()
    {
        await using var target = await StartAsync(ReadyCluster());

        Assert.Equal("kubernetes", target.Name);
        Assert.Equal("cloudnative-pg 1.30.0 (ghcr.io/cloudnative-pg/cloudnative-pg:1.30.0)", target.Facts.OperatorVersion);
        Assert.Equal("ghcr.io/cloudnative-pg/postgresql:17.5-standard-bookworm", target.Facts.PostgresImage);
        Assert.Equal("pgp-ephemeral", target.Facts.StorageClass);
    }

    [Fact]
    public async Task StartForwardsTheRwEndpointAndEachMemberWithTheOwnerCredentials()
    {
        var api = ReadyCluster();

        await using var target = await StartAsync(api);

        Assert.Equal(["linkding-db-1", "linkding-db-2", "linkding-db-3"], target.Members.Select(m => m.Name));
        Assert.All(_forwarder.Forwards, f => Assert.Equal((Namespace, 5432), (f.Namespace, f.RemotePort)));
        var rw = new NpgsqlConnectionStringBuilder(target.ReadWriteConnectionString);
        Assert.Equal(("127.0.0.1", 40000, "linkding", "old-password", "linkding", false), (rw.Host, rw.Port, rw.Username, rw.Password, rw.Database, rw.Pooling));
        Assert.Equal(40002, new NpgsqlConnectionStringBuilder(target.Members[1].ConnectionString).Port);
        Assert.Equal("linkding", target.ApplicationRole);
        Assert.Contains(api.Requests, r => r.Path == $"/api/v1/namespaces/{Namespace}/pods" && r.Query.Contains("labelSelector=cnpg.io%2Fcluster%3Dlinkding-db%2Ccnpg.io%2FpodRole%3Dinstance", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheRwForwardGoesToTheReadyEndpointOfTheRwServiceAndMembersToTheirPods()
    {
        var api = ReadyCluster();
        await using var target = await StartAsync(api);

        Assert.Equal("linkding-db-1", await _forwarder.Forwards[0].ResolvePod(CancellationToken.None));
        Assert.Equal("linkding-db-3", await _forwarder.Forwards[3].ResolvePod(CancellationToken.None));
        Assert.Contains(api.Requests, r => r.Path == $"/apis/discovery.k8s.io/v1/namespaces/{Namespace}/endpointslices" && r.Query.StartsWith("?labelSelector=kubernetes.io%2Fservice-name%3Dlinkding-db-rw&", StringComparison.Ordinal));
    }

    [Fact]
    public async Task StartWatchesAClusterThatIsNotReadyYetUntilItIs()
    {
        var api = ReadyCluster()
            .On("GET", ClusterPath, Cluster("linkding-db-1", ready: false, resourceVersion: "7"))
            .OnWatch(ClustersPath, Open(Event("MODIFIED", Cluster("linkding-db-1", ready: true, "8"))));

        await using var target = await StartAsync(api, Long);

        var watch = Assert.Single(api.Watches);
        Assert.Equal((ClustersPath, "metadata.name=linkding-db", "7"), (watch.Path, watch.Parameters["fieldSelector"], watch.Parameters["resourceVersion"]));
        Assert.Equal(4, _forwarder.Forwards.Count);
    }

    [Fact]
    public async Task AClusterThatNeverBecomesReadyMakesTheTargetUnavailableInBoundedTime()
    {
        var api = ReadyCluster().On("GET", ClusterPath, Cluster("linkding-db-1", ready: false));

        var error = await Assert.ThrowsAsync<TargetUnavailableException>(() => StartAsync(api, readyTimeout: TimeSpan.FromMilliseconds(300)));

        Assert.Contains("Cluster linkding-drill/linkding-db Ready: not reached within", error.Message, StringComparison.Ordinal);
        Assert.Contains("(last seen: primary linkding-db-1, not Ready, phase 'Failing over')", error.Message, StringComparison.Ordinal);
        Assert.NotEmpty(api.Watches);
        Assert.Equal(0, api.OpenWatchStreams);
        Assert.Empty(_forwarder.Forwards);
    }

    [Fact]
    public async Task AClusterThatDoesNotExistMakesTheTargetUnavailableSayingSo()
    {
        var api = ReadyCluster().On("GET", ClusterPath, """{"kind":"Status","apiVersion":"v1","status":"Failure","reason":"NotFound","code":404}""", System.Net.HttpStatusCode.NotFound);

        var error = await Assert.ThrowsAsync<TargetUnavailableException>(() => StartAsync(api, readyTimeout: TimeSpan.FromMilliseconds(300)));

        Assert.EndsWith("(last seen: no such object)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnInstanceRunningAsAnotherServiceAccountMakesTheTargetUnavailableBeforeAnyForward()
    {
        var api = ReadyCluster().On("GET", $"/api/v1/namespaces/{Namespace}/pods", """
            {"apiVersion":"v1","kind":"PodList","items":[{"metadata":{"name":"linkding-db-1"},"spec":{"serviceAccountName":"linkding-db","containers":[]}},
                                                         {"metadata":{"name":"linkding-db-2"},"spec":{"serviceAccountName":"default","containers":[]}}]}
            """);

        var error = await Assert.ThrowsAsync<TargetUnavailableException>(() => StartAsync(api, serviceAccount: "linkding-db"));

        Assert.Equal("pod linkding-drill/linkding-db-2 runs as ServiceAccount 'default', not 'linkding-db' that the stack declares for its instances (the one with the backup workload identity)", error.Message);
        Assert.Empty(_forwarder.Forwards);
    }

    [Fact]
    public async Task KillingThePrimaryDeletesItsPodWithAGracePeriodOf0()
    {
        var api = ReadyCluster().On("DELETE", $"/api/v1/namespaces/{Namespace}/pods/linkding-db-1", """{"kind":"Pod","apiVersion":"v1","metadata":{"name":"linkding-db-1"}}""");
        await using var target = await StartAsync(api);

        await target.KillAsync(target.Members[0], PrimaryKill.Postmaster, CancellationToken.None);

        var delete = Assert.Single(api.Writes);
        Assert.Equal($"DELETE /api/v1/namespaces/{Namespace}/pods/linkding-db-1?gracePeriodSeconds=0", delete.ToString());
        Assert.Equal(0, JsonNode.Parse(delete.Body!)!["gracePeriodSeconds"]!.GetValue<int>());
    }

    [Fact]
    public async Task TheInstanceManagerAloneCannotBeKilled()
    {
        await using var target = await StartAsync(ReadyCluster());

        var error = await Assert.ThrowsAsync<NotSupportedException>(() => target.KillAsync(target.Members[0], PrimaryKill.Agent, CancellationToken.None));

        Assert.Contains("PID 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AfterAKillTheTargetWatchesForReadyAndANewCurrentPrimaryAcrossWatchEnds()
    {
        var api = ReadyCluster();
        await using var target = await StartAsync(api, Long);
        api.On("GET", ClusterPath, InTurn(Cluster("linkding-db-1", ready: false, "20"), Cluster("linkding-db-2", ready: false, "30")))
            .OnWatch(ClustersPath,
                Ending(Event("MODIFIED", Cluster("linkding-db-2", ready: false, "25"))),
                Open(Event("MODIFIED", Cluster("linkding-db-1", ready: true, "31")), Event("MODIFIED", Cluster("linkding-db-2", ready: true, "32"))));

        var primary = await target.WaitForFailoverAsync("linkding-db-1", CancellationToken.None);

        Assert.Equal("linkding-db-2", primary);
        Assert.Equal(["20", "30"], api.Watches.Select(w => w.Parameters["resourceVersion"]));
        Assert.Equal(2, api.Requests.Count(r => r.Path == ClusterPath) - 1);
    }

    [Fact]
    public async Task AClusterThatNeverBecomesReadyAfterAKillIsATimeoutSayingWhatWasSeen()
    {
        var api = ReadyCluster();
        await using var target = await StartAsync(api, TimeSpan.FromMilliseconds(300));
        api.On("GET", ClusterPath, Cluster("linkding-db-1", ready: false))
            .OnWatch(ClustersPath, Open(Event("MODIFIED", Cluster("linkding-db-2", ready: false, "2"))));

        var error = await Assert.ThrowsAsync<TimeoutException>(() => target.WaitForFailoverAsync("linkding-db-1", CancellationToken.None));

        Assert.Contains("Ready with a primary other than linkding-db-1: not reached", error.Message, StringComparison.Ordinal);
        Assert.Contains("last seen: primary linkding-db-2, not Ready, phase 'Failing over'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABackupIsAPluginBackupOfTheClusterWatchedUntilCompleted()
    {
        var api = ReadyCluster();
        AnswerBackups(api, """{"status":{"phase":"running"}}""", Open(
            Event("MODIFIED", """{"metadata":{"resourceVersion":"12"},"status":{"phase":"running"}}"""),
            Event("MODIFIED", """{"metadata":{"resourceVersion":"13"},"status":{"phase":"completed","backupId":"20260314T072653","beginWal":"000000010000000000000004","endWal":"000000010000000000000005","stoppedAt":"2026-03-14T07:27:01Z"}}""")));
        await using var target = await StartAsync(api, Long);

        var backup = await target.TakeBackupAsync(CancellationToken.None);

        var watch = Assert.Single(api.Watches);
        Assert.Equal(($"/apis/postgresql.cnpg.io/v1/namespaces/{Namespace}/backups", $"metadata.name={BackupName(api)}", "11"), (watch.Path, watch.Parameters["fieldSelector"], watch.Parameters["resourceVersion"]));
        var create = Assert.Single(api.Writes);
        Assert.Equal("application/json", create.ContentType);
        var body = JsonNode.Parse(create.Body!)!;
        Assert.Equal("postgresql.cnpg.io/v1", body["apiVersion"]!.GetValue<string>());
        Assert.Equal("Backup", body["kind"]!.GetValue<string>());
        Assert.Matches("^linkding-db-drill-[0-9]{14}-[0-9a-f]{4}$", body["metadata"]!["name"]!.GetValue<string>());
        Assert.Equal("""{"cluster":{"name":"linkding-db"},"method":"plugin","pluginConfiguration":{"name":"barman-cloud.cloudnative-pg.io"}}""", body["spec"]!.ToJsonString());
        Assert.Equal(new BackupInfo("20260314T072653", "000000010000000000000004", "000000010000000000000005", new DateTimeOffset(2026, 3, 14, 7, 27, 1, TimeSpan.Zero)), backup);
    }

    [Fact]
    public async Task AFailedBackupIsAnObjectStoreErrorWithCnpgSReason()
    {
        var api = ReadyCluster();
        AnswerBackups(api, """{"status":{"phase":"failed","error":"container not found"}}""", Open());
        await using var target = await StartAsync(api);

        var error = await Assert.ThrowsAsync<ObjectStoreException>(() => target.TakeBackupAsync(CancellationToken.None));

        Assert.EndsWith("failed: container not found", error.Message, StringComparison.Ordinal);
        Assert.Empty(api.Watches);
    }

    [Fact]
    public async Task ABackupThatNeverCompletesIsATimeoutWithItsLastPhase()
    {
        var api = ReadyCluster();
        AnswerBackups(api, """{"status":{"phase":"running"}}""", Open(Event("MODIFIED", """{"metadata":{"resourceVersion":"12"},"status":{"phase":"walArchivingFailing"}}""")));
        await using var target = await StartAsync(api, TimeSpan.FromMilliseconds(300));

        var error = await Assert.ThrowsAsync<TimeoutException>(() => target.TakeBackupAsync(CancellationToken.None));

        Assert.Matches("^Backup linkding-db-drill-[0-9]{14}-[0-9a-f]{4} to complete: not reached within 0 s \\(last seen: phase 'walArchivingFailing'\\)$", error.Message);
    }

    [Fact]
    public async Task DisposeClosesEveryForward()
    {
        var target = await StartAsync(ReadyCluster());

        await target.DisposeAsync();

        Assert.Equal(4, _forwarder.Forwards.Count);
        Assert.All(_forwarder.Forwards, f => Assert.True(f.Disposed));
    }

    /// <summary>Accepts the Backup's creation, answers reads of the created Backup with <paramref name="state"/> (at resource version 11) and watches of it with <paramref name="watch"/>.</summary>
    private static void AnswerBackups(FakeKubernetesApi api, string state, WatchAnswer watch)
    {
        var backups = $"/apis/postgresql.cnpg.io/v1/namespaces/{Namespace}/backups";
        var read = System.Text.Json.Nodes.JsonNode.Parse(state)!.AsObject();
        read["metadata"] = new JsonObject { ["resourceVersion"] = "11" };
        api.OnWatch(backups, watch).On("POST", backups, request =>
        {
            api.On("GET", $"{backups}/{JsonNode.Parse(request.Body!)!["metadata"]!["name"]!.GetValue<string>()}", read.ToJsonString());
            return (System.Net.HttpStatusCode.Created, request.Body!);
        });
    }

    /// <summary>The name of the Backup created through <paramref name="api"/>.</summary>
    private static string BackupName(FakeKubernetesApi api) => JsonNode.Parse(Assert.Single(api.Writes).Body!)!["metadata"]!["name"]!.GetValue<string>();

    /// <summary>
    /// Starts a target on <paramref name="api"/> whose start waits <paramref name="readyTimeout"/> and whose later waits
    /// time out after <paramref name="timeout"/>; both default to <see cref="Long"/>, so a success path holds on a loaded
    /// machine, and only a test that wants a time-out passes a short one. The instances must run as
    /// <paramref name="serviceAccount"/> when given.
    /// </summary>
    private Task<KubernetesTarget> StartAsync(FakeKubernetesApi api, TimeSpan? timeout = null, TimeSpan? readyTimeout = null, string? serviceAccount = null) => KubernetesTarget.StartAsync(api.Client, new KubernetesTargetOptions
    {
        ServiceAccountName = serviceAccount,
        Namespace = Namespace,
        ClusterName = "linkding-db",
        OwnerSecretName = "linkding-db-owner",
        OwnerExternalSecretName = "linkding-db-owner",
        VaultSecretName = "linkding-drill-db-owner-password",
        ReadyTimeout = readyTimeout ?? Long,
        FailoverTimeout = timeout ?? Long,
        BackupTimeout = timeout ?? Long,
        RotationTimeout = timeout ?? Long,
        PollInterval = TimeSpan.FromMilliseconds(10),
        LoginProbe = (connectionString, _) =>
        {
            _probed.Add(connectionString);
            return Task.FromResult(true);
        },
    }, _forwarder, _vault, _ => { }, CancellationToken.None);
}
