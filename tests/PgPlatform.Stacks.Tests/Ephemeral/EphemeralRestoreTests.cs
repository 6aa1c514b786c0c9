using Npgsql;
using PgPlatform.Stacks.Drills;
using PgPlatform.Stacks.Ephemeral;
using PgPlatform.Stacks.Evidence;
using PgPlatform.Stacks.Targets;
using PgPlatform.Stacks.Targets.Kubernetes;
using PgPlatform.Stacks.Tests.Targets.Kubernetes;
using static PgPlatform.Stacks.Tests.Targets.Kubernetes.CnpgFixtures;

namespace PgPlatform.Stacks.Tests.Ephemeral;

/// <summary>Restores on the Kubernetes target: each one a further ephemeral stack recovering from the drilled stack's object store.</summary>
public sealed class EphemeralRestoreTests() : EphemeralDevProject("restore-run-")
{
    private const string RestoredNamespace = "linkding-restore-a1b2c3";
    private static readonly DateTimeOffset PointInTime = new(2026, 11, 22, 10, 0, 0, 250, TimeSpan.Zero);
    private readonly List<string> _probed = [];

    [Fact]
    public async Task ARestoreIsAStackRecoveringFromTheDrilledStackThatIsDestroyedBeforeTheDrilledOne()
    {
        var api = WithRestoredCluster(ReadyCluster(), ready: true);
        IRestoredCluster? seen = null;

        var run = await Run(api, async (target, ct) =>
        {
            await using var restored = await target.RestoreAsync(new RestoreRequest("pitr-1", "20261122T095500", PointInTime), ct);
            seen = restored;
            Assert.Equal(RestoredNamespace, restored.Location);
            Assert.True(restored.ReadWriteAt >= restored.StartedAt);
            Assert.Equal("linkding", new NpgsqlConnectionStringBuilder(restored.ConnectionString).Username);
        }).RunAsync(Dev, Project, "linkding", "nightly", [DrillKind.Restore], DrillLog.Silent, CancellationToken.None);

        Assert.True(run.Passed);
        Assert.NotNull(seen);
        var commands = Pulumi.Commands;
        var source = Stack(commands, "nightly-");
        var restore = Stack(commands, "restore-");
        var restoreConfig = commands.Where(c => c.StartsWith("config set", StringComparison.Ordinal) && c.Contains($"--stack {restore} ", StringComparison.Ordinal) && c.Contains("databases[0]", StringComparison.Ordinal))
            .Select(c => c.Split(" -- ")[1]).ToList();
        Assert.Equal(
        [
            "pg-platform:databases[0].name linkding",
            "pg-platform:databases[0].instances 1",
            $"pg-platform:databases[0].recoverFrom.stack {source}",
            "pg-platform:databases[0].recoverFrom.backupId 20261122T095500",
            "pg-platform:databases[0].recoverFrom.targetTime 2026-11-22T10:00:00.25Z",
        ], restoreConfig);
        Assert.Equal(
        [
            $"up {source}", $"up {restore}", $"destroy {restore}", $"rm {restore}", $"destroy {source}", $"rm {source}",
        ], Lifecycle(commands));
        // The restored Cluster is reached through its own forward, asked whether it accepts writes.
        Assert.Single(_probed);
        Assert.Contains(api.Requests, r => r.Path == $"/apis/postgresql.cnpg.io/v1/namespaces/{RestoredNamespace}/clusters/linkding-db");
    }

    [Fact]
    public async Task ARestoredClusterThatNeverBecomesReadyFailsTheRestoreAndItsStackIsStillDestroyed()
    {
        var api = WithRestoredCluster(ReadyCluster(), ready: false);
        RestoreFailedException? failure = null;

        await Run(api, async (target, ct) => failure = await Assert.ThrowsAsync<RestoreFailedException>(() => target.RestoreAsync(new RestoreRequest("latest-1", "20261122T095500"), ct)), TimeSpan.FromMilliseconds(300))
            .RunAsync(Dev, Project, "linkding", "nightly", [DrillKind.Restore], DrillLog.Silent, CancellationToken.None);

        Assert.NotNull(failure);
        Assert.StartsWith($"restore into {RestoredNamespace}: Cluster {RestoredNamespace}/linkding-db Ready: not reached within", failure.Message, StringComparison.Ordinal);
        var restore = Stack(Pulumi.Commands, "restore-");
        Assert.Equal([$"up {restore}", $"destroy {restore}", $"rm {restore}"], Lifecycle(Pulumi.Commands).Where(c => c.EndsWith(restore, StringComparison.Ordinal)));
        Assert.Empty(_probed);
    }

    [Fact]
    public async Task ARestoreStackThatWillNotDeployFailsTheRestoreWithPulumisReasonAndIsRemoved()
    {
        var api = ReadyCluster();
        RestoreFailedException? failure = null;
        var run = Run(api, async (target, ct) => failure = await Assert.ThrowsAsync<RestoreFailedException>(() => target.RestoreAsync(new RestoreRequest("latest-1", "x"), ct)));
        var failingRestores = new EphemeralDrillRun
        {
            Catalog = run.Catalog,
            NewStackName = run.NewStackName,
            // Only the restore stack's up fails: its config carries recoverFrom.
            ConfigureStack = options => options with
            {
                SearchPath = Pulumi.SearchPath,
                BackendDirectory = Path.Combine(Pulumi.BackendDirectory, options.StackName),
                Environment = Pulumi.Environment(fail: options.StackName.StartsWith(EphemeralRestores.StackPrefix, StringComparison.Ordinal) ? "up" : null, stderr: "container not found"),
            },
            StartTarget = run.StartTarget,
            RunDrill = run.RunDrill,
        };

        await failingRestores.RunAsync(Dev, Project, "linkding", "nightly", [DrillKind.Restore], DrillLog.Silent, CancellationToken.None);

        Assert.NotNull(failure);
        Assert.StartsWith("the restore could not be deployed: ", failure.Message, StringComparison.Ordinal);
        Assert.Contains("container not found", failure.Message, StringComparison.Ordinal);
        var restore = Stack(Pulumi.Commands, "restore-");
        Assert.Equal([$"up {restore}", $"destroy {restore}", $"rm {restore}"], Lifecycle(Pulumi.Commands).Where(c => c.EndsWith(restore, StringComparison.Ordinal)));
    }

    private static FakeKubernetesApi WithRestoredCluster(FakeKubernetesApi api, bool ready) => api
        .On("GET", $"/apis/postgresql.cnpg.io/v1/namespaces/{RestoredNamespace}/clusters/linkding-db", Cluster("linkding-db-1", ready))
        .On("GET", $"/api/v1/namespaces/{RestoredNamespace}/secrets/linkding-db-owner", Secret("linkding-db-owner", ("username", "linkding"), ("password", "restored-password")))
        .On("GET", $"/api/v1/namespaces/{RestoredNamespace}/pods", """{"apiVersion":"v1","kind":"PodList","items":[{"metadata":{"name":"linkding-db-1"},"spec":{"serviceAccountName":"linkding-db","containers":[]}}]}""")
        .On("GET", $"/apis/discovery.k8s.io/v1/namespaces/{RestoredNamespace}/endpointslices", """{"apiVersion":"discovery.k8s.io/v1","kind":"EndpointSliceList","items":[]}""");

    private static string Stack(IReadOnlyList<string> commands, string prefix) =>
        commands.Select(c => c.Split(' ')).Where(a => a[0] == "stack" && a[1] == "init" && a[2].StartsWith(prefix, StringComparison.Ordinal)).Select(a => a[2]).Single();

    /// <summary><c>up S</c>, <c>destroy S</c>, <c>rm S</c> in the order pulumi ran them.</summary>
    private static List<string> Lifecycle(IReadOnlyList<string> commands) =>
    [
        .. commands.Select(c => c.Split(' ')).Where(a => a[0] is "up" or "destroy" || (a[0] == "stack" && a[1] == "rm"))
            .Select(a => a[0] == "stack" ? $"rm {a[2]}" : $"{a[0]} {a[Array.IndexOf(a, "--stack") + 1]}"),
    ];

    private EphemeralDrillRun Run(FakeKubernetesApi api, Func<IBackupTarget, CancellationToken, Task> drill, TimeSpan? restoreTimeout = null) => new()
    {
        Catalog = TestCatalog.Of("linkding"),
        // The restore stack's name, and so the namespace its declaration gives the restored Cluster, is known in advance.
        NewStackName = prefix => $"{prefix}-a1b2c3",
        ConfigureStack = options => options with { SearchPath = Pulumi.SearchPath, Environment = Pulumi.Environment(), BackendDirectory = Path.Combine(Pulumi.BackendDirectory, options.StackName) },
        StartTarget = async (deployed, ct) => await KubernetesTarget.StartAsync(api.Client, new KubernetesTargetOptions
        {
            Namespace = Namespace,
            ClusterName = "linkding-db",
            OwnerSecretName = "linkding-db-owner",
            ReadyTimeout = TimeSpan.FromSeconds(30),
            RestoreTimeout = restoreTimeout ?? TimeSpan.FromSeconds(30),
            PollInterval = TimeSpan.FromMilliseconds(10),
            DeployRestore = deployed.Restores!.DeployAsync,
            ReadWriteProbe = (connection, _) =>
            {
                _probed.Add(connection);
                return Task.FromResult(true);
            },
        }, new FakePortForwarder(), null, _ => { }, ct),
        RunDrill = async (target, kind, _, ct) =>
        {
            await drill((IBackupTarget)target, ct);
            return new DrillEvidence
            {
                Drill = DrillNames.Name(kind), Target = target.Name, Fault = "none", Outcome = DrillOutcome.Passed, Reason = "observed",
                StartedAt = DateTimeOffset.UtcNow, DurationSeconds = 1,
                OperatorVersion = target.Facts.OperatorVersion, PostgresImage = target.Facts.PostgresImage, StorageClass = target.Facts.StorageClass,
            };
        },
    };
}
