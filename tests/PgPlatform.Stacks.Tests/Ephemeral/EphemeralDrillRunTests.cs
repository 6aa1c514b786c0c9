using System.Text.Json.Nodes;
using PgPlatform.Stacks.Drills;
using PgPlatform.Stacks.Ephemeral;
using PgPlatform.Stacks.Evidence;
using PgPlatform.Stacks.Targets;
using PgPlatform.Stacks.Targets.Kubernetes;
using PgPlatform.Stacks.Tests.Targets.Kubernetes;
using static PgPlatform.Stacks.Tests.Targets.Kubernetes.CnpgFixtures;

namespace PgPlatform.Stacks.Tests.Ephemeral;

public sealed class EphemeralDrillRunTests() : EphemeralDevProject("drill-run-")
{
    private readonly List<string> _started = [];

    [Fact]
    public async Task AFailoverAfterWhichTheClusterNeverBecomesReadyIsAFailedDrillAndTheStackIsStillDestroyed()
    {
        var api = ReadyCluster();

        var run = await Run(api, afterKill: Cluster("linkding-db-1", ready: false), failoverTimeout: TimeSpan.FromMilliseconds(200)).RunAsync(Dev, Project, "linkding", "nightly", [DrillKind.Failover, DrillKind.Rotation], DrillLog.Silent, CancellationToken.None);

        var failover = run.Drills[0];
        Assert.False(failover.Passed);
        Assert.StartsWith("the Cluster did not recover: Cluster linkding-db Ready with a primary other than linkding-db-1: not reached", failover.Reason, StringComparison.Ordinal);
        Assert.EndsWith("(last seen: primary linkding-db-1, not Ready, phase 'Failing over')", failover.Reason, StringComparison.Ordinal);
        Assert.Equal($"GET {ClustersPath}?allowWatchBookmarks=true&fieldSelector=metadata.name%3Dlinkding-db&resourceVersion=1&timeoutSeconds=1&watch=true", Assert.Single(api.Watches).ToString());
        Assert.True(run.Drills[1].Passed);
        Assert.False(run.Passed);
        Assert.Equal(["destroy", "stack"], Pulumi.Commands.TakeLast(2).Select(c => c.Split(' ')[0]));
        Assert.StartsWith("stack rm nightly-", Pulumi.Commands[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFailoverFollowedByAReadyClusterWithANewPrimaryKeepsItsVerdictAndSaysSo()
    {
        var run = await Run(ReadyCluster(), afterKill: Cluster("linkding-db-3", ready: true)).RunAsync(Dev, Project, "linkding", "nightly", [DrillKind.Failover], DrillLog.Silent, CancellationToken.None);

        Assert.True(run.Passed);
        Assert.Contains(new Measurement("Cluster after the kill", "Ready, current primary linkding-db-3 (was linkding-db-1)"), run.Drills[0].Measurements);
        Assert.Equal(["stack up", "target start", "drill failover", "teardown"], run.Timings.Select(t => t.Phase));
        Assert.Equal("kubernetes", run.Target);
    }

    [Fact]
    public async Task TheStackDeploysOnlyTheDrilledDatabaseAtTierEphemeralAndTheTargetStartsFromItsOutputs()
    {
        await Run(ReadyCluster(), afterKill: Cluster("linkding-db-3", ready: true)).RunAsync(Dev, Project, "linkding", "nightly", [DrillKind.Rotation], DrillLog.Silent, CancellationToken.None);

        var configSets = Pulumi.Commands.Where(c => c.StartsWith("config set", StringComparison.Ordinal)).Select(c => c.Split(" -- ")[1]).ToList();
        Assert.Equal(["pg-platform:tier ephemeral", "pg-platform:kubeContext aks-dev-weu"], configSets.Take(2));
        Assert.Equal(["pg-platform:databases[0].name linkding", "pg-platform:databases[0].instances 3"], configSets.Where(c => c.StartsWith("pg-platform:databases", StringComparison.Ordinal)));
        Assert.Equal(["linkding nightly-a1b2c3 linkding-nightly-a1b2c3"], _started);
    }

    private const string StorePath = $"/apis/barmancloud.cnpg.io/v1/namespaces/{Namespace}/objectstores";

    private static string Store(string? lastBackup)
    {
        var window = lastBackup is null ? new JsonObject() : new JsonObject { ["lastSuccessfulBackupTime"] = lastBackup };
        return new JsonObject
        {
            ["apiVersion"] = "barmancloud.cnpg.io/v1",
            ["kind"] = "ObjectStore",
            ["metadata"] = new JsonObject { ["name"] = "linkding-db-backups", ["namespace"] = Namespace, ["resourceVersion"] = "5" },
            ["status"] = new JsonObject { ["serverRecoveryWindow"] = new JsonObject { ["linkding-db"] = window } },
        }.ToJsonString();
    }

    [Fact]
    public async Task BackupHealthOnAFreshStackWaitsForTheImmediateBackupThroughAWatchOnTheClustersObjectStore()
    {
        var api = ReadyCluster()
            .On("GET", $"{StorePath}/linkding-db-backups", Store(null))
            .OnWatch(StorePath, WatchAnswer.Open(WatchAnswer.Event("MODIFIED", Store("2026-11-22T19:30:00Z"))));

        var run = await Run(api, afterKill: Cluster("linkding-db-1", ready: true)).RunAsync(Dev, Project, "linkding", "nightly", [DrillKind.Backup], DrillLog.Silent, CancellationToken.None);

        Assert.True(run.Passed);
        var watch = Assert.Single(api.Watches, w => w.Path == StorePath);
        Assert.Contains("fieldSelector=metadata.name%3Dlinkding-db-backups", watch.Query, StringComparison.Ordinal);
        Assert.Contains("resourceVersion=5", watch.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFreshStackWhoseFirstBackupNeverCompletesFailsBackupHealthAndIsStillDestroyed()
    {
        var api = ReadyCluster()
            .On("GET", $"{StorePath}/linkding-db-backups", Store(null))
            .OnWatch(StorePath, WatchAnswer.Open());

        var run = await Run(api, afterKill: Cluster("linkding-db-1", ready: true), backupTimeout: TimeSpan.FromMilliseconds(300)).RunAsync(Dev, Project, "linkding", "nightly", [DrillKind.Backup], DrillLog.Silent, CancellationToken.None);

        var backup = Assert.Single(run.Drills);
        Assert.False(backup.Passed);
        Assert.StartsWith("no first base backup: a first base backup of linkding-db in ObjectStore linkding-db-backups: not reached within", backup.Reason, StringComparison.Ordinal);
        Assert.EndsWith("(last seen: last successful backup none)", backup.Reason, StringComparison.Ordinal);
        Assert.StartsWith("stack rm nightly-", Pulumi.Commands[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATargetThatCannotStartPropagatesAfterTheStackIsDestroyed()
    {
        var run = Run(ReadyCluster().On("GET", ClusterPath, Cluster("linkding-db-1", ready: false)), afterKill: "{}", readyTimeout: TimeSpan.FromMilliseconds(200));

        var error = await Assert.ThrowsAsync<TargetUnavailableException>(() => run.RunAsync(Dev, Project, "linkding", "nightly", [DrillKind.Failover], DrillLog.Silent, CancellationToken.None));

        Assert.StartsWith("Cluster linkding-drill/linkding-db Ready: not reached within 0 s (last seen: primary linkding-db-1, not Ready", error.Message, StringComparison.Ordinal);
        Assert.Equal(["up", "stack", "destroy", "stack"], Pulumi.Commands.TakeLast(4).Select(c => c.Split(' ')[0]));
    }

    private EphemeralDrillRun Run(FakeKubernetesApi api, string afterKill, TimeSpan? readyTimeout = null, TimeSpan? failoverTimeout = null, TimeSpan? backupTimeout = null) => new()
    {
        Catalog = TestCatalog.Of("linkding"),
        NewStackName = prefix => $"{prefix}-a1b2c3",
        ConfigureStack = options => options with { SearchPath = Pulumi.SearchPath, Environment = Pulumi.Environment(), BackendDirectory = Pulumi.BackendDirectory },
        StartTarget = async (deployed, ct) =>
        {
            _started.Add($"{deployed.Application} {deployed.StackName} {deployed.Database.Namespace}");
            return await KubernetesTarget.StartAsync(api.Client, new KubernetesTargetOptions
            {
                Namespace = Namespace,
                ClusterName = "linkding-db",
                OwnerSecretName = "linkding-db-owner",
                ReadyTimeout = readyTimeout ?? TimeSpan.FromSeconds(30),
                FailoverTimeout = failoverTimeout ?? TimeSpan.FromSeconds(30),
                BackupTimeout = backupTimeout ?? TimeSpan.FromSeconds(30),
                PollInterval = TimeSpan.FromMilliseconds(10),
            }, new FakePortForwarder(), null, _ => { }, ct);
        },
        RunDrill = (target, kind, _, _) =>
        {
            // The drill itself needs PostgreSQL; here it "kills" the primary by changing what the Cluster reports.
            api.On("GET", ClusterPath, afterKill);
            return Task.FromResult(Evidence(target, kind));
        },
    };

    private static DrillEvidence Evidence(IDrillTarget target, DrillKind kind) => new()
    {
        Drill = DrillNames.Name(kind),
        Target = target.Name,
        Fault = "none",
        Outcome = DrillOutcome.Passed,
        Reason = "observed",
        StartedAt = DateTimeOffset.UtcNow,
        DurationSeconds = 1,
        OperatorVersion = target.Facts.OperatorVersion,
        PostgresImage = target.Facts.PostgresImage,
        StorageClass = target.Facts.StorageClass,
    };
}
