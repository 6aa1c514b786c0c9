using System.Net;
using PgPlatform.Stacks.GitOps;
using PgPlatform.Stacks.Tests.Targets.Kubernetes;

namespace PgPlatform.Stacks.Tests.GitOps;

public sealed class GitOpsSwitchTests
{
    private const string DbApp = "/apis/argoproj.io/v1alpha1/namespaces/argocd/applications/linkding-db-prod";
    private const string WorkloadApp = "/apis/argoproj.io/v1alpha1/namespaces/argocd/applications/linkding-app-prod";
    private const string Cluster = "/apis/postgresql.cnpg.io/v1/namespaces/linkding-prod/clusters/linkding-db";
    private const string Automated = """{"apiVersion":"argoproj.io/v1alpha1","kind":"Application","metadata":{"name":"x","namespace":"argocd"},"spec":{"syncPolicy":{"automated":{"prune":true,"selfHeal":true},"syncOptions":["ServerSideApply=true"]}}}""";
    private const string Manual = """{"apiVersion":"argoproj.io/v1alpha1","kind":"Application","metadata":{"name":"x","namespace":"argocd"},"spec":{"syncPolicy":{"syncOptions":["ServerSideApply=true"]}}}""";
    private static readonly FixedTime Time = new(new DateTimeOffset(2026, 3, 14, 9, 26, 53, TimeSpan.FromHours(2)));
    private static readonly GitOpsTarget Target = new("linkding", "prod");

    [Fact]
    public async Task PauseRemovesAutomatedSyncFromBothApplicationsAndAnnotatesTheCluster()
    {
        var api = new FakeKubernetesApi().On("GET", DbApp, Automated).On("GET", WorkloadApp, Automated).On("PATCH", DbApp, Automated).On("PATCH", WorkloadApp, Automated).On("PATCH", Cluster, "{}");

        var changes = await new GitOpsSwitch(api.Client, Time).PauseAsync(Target, "INC-42 restore", CancellationToken.None);

        Assert.Equal([$"GET {DbApp}", $"PATCH {DbApp}", $"GET {WorkloadApp}", $"PATCH {WorkloadApp}", $"PATCH {Cluster}"], api.Requests.Select(r => r.ToString()));
        Assert.All(api.Writes, r => Assert.Equal("application/merge-patch+json", r.ContentType));
        Assert.Equal("""{"spec":{"syncPolicy":{"automated":null}}}""", api.Writes[0].Body);
        Assert.Equal("""{"spec":{"syncPolicy":{"automated":null}}}""", api.Writes[1].Body);
        Assert.Equal("""{"metadata":{"annotations":{"pg-platform.io/incident":"INC-42 restore","pg-platform.io/paused-at":"2026-03-14T07:26:53Z"}}}""", api.Writes[2].Body);
        Assert.Equal(
        [
            "Application argocd/linkding-db-prod: sync policy automated (prune=true, selfHeal=true) -> manual",
            "Application argocd/linkding-app-prod: sync policy automated (prune=true, selfHeal=true) -> manual",
            "Cluster linkding-prod/linkding-db: annotated pg-platform.io/incident=\"INC-42 restore\", pg-platform.io/paused-at=2026-03-14T07:26:53Z",
        ], changes);
    }

    [Fact]
    public async Task PauseOfTheDatabaseOnlyLeavesTheWorkloadApplicationAlone()
    {
        var api = new FakeKubernetesApi().On("GET", DbApp, Automated).On("PATCH", DbApp, Automated).On("PATCH", Cluster, "{}");

        await new GitOpsSwitch(api.Client, Time).PauseAsync(Target with { IncludeWorkload = false }, "r", CancellationToken.None);

        Assert.DoesNotContain(api.Requests, r => r.Path == WorkloadApp);
    }

    [Fact]
    public async Task PausingAnApplicationAlreadyOnManualSyncChangesNothingThere()
    {
        var api = new FakeKubernetesApi().On("GET", DbApp, Manual).On("GET", WorkloadApp, Manual).On("PATCH", Cluster, "{}");

        var changes = await new GitOpsSwitch(api.Client, Time).PauseAsync(Target, "r", CancellationToken.None);

        Assert.Equal([$"PATCH {Cluster}"], api.Writes.Select(r => r.ToString()));
        Assert.Equal("Application argocd/linkding-db-prod: sync policy already manual (unchanged)", changes[0]);
    }

    [Fact]
    public async Task AMissingDatabaseApplicationIsAnErrorBeforeAnythingChanges()
    {
        var api = new FakeKubernetesApi();

        var error = await Assert.ThrowsAsync<GitOpsException>(() => new GitOpsSwitch(api.Client, Time).PauseAsync(Target, "r", CancellationToken.None));

        Assert.Contains("Application argocd/linkding-db-prod not found", error.Message, StringComparison.Ordinal);
        Assert.Empty(api.Writes);
    }

    [Fact]
    public async Task AMissingWorkloadApplicationIsSkippedAndSaidSo()
    {
        var api = new FakeKubernetesApi().On("GET", DbApp, Automated).On("PATCH", DbApp, Automated).On("PATCH", Cluster, "{}");

        var changes = await new GitOpsSwitch(api.Client, Time).PauseAsync(Target, "r", CancellationToken.None);

        Assert.Equal("Application argocd/linkding-app-prod: not found (skipped)", changes[1]);
    }

    [Fact]
    public async Task ARefusedPatchIsAnErrorWithTheApiAnswer()
    {
        var api = new FakeKubernetesApi().On("GET", DbApp, Automated).On("PATCH", DbApp, """{"kind":"Status","code":403,"message":"forbidden: no patch on applications"}""", HttpStatusCode.Forbidden);

        var error = await Assert.ThrowsAsync<GitOpsException>(() => new GitOpsSwitch(api.Client, Time).PauseAsync(Target, "r", CancellationToken.None));

        Assert.Contains("patching Application argocd/linkding-db-prod: the API answered 403", error.Message, StringComparison.Ordinal);
        Assert.Contains("no patch on applications", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResumeRestoresAutomatedSyncWithPruneAndSelfHealAndRemovesTheAnnotations()
    {
        const string Annotated = """{"metadata":{"name":"linkding-db","annotations":{"pg-platform.io/incident":"INC-42 restore","pg-platform.io/paused-at":"2026-03-14T07:26:53Z","other":"kept"}}}""";
        var api = new FakeKubernetesApi().On("GET", DbApp, Manual).On("GET", WorkloadApp, Manual).On("PATCH", DbApp, Automated).On("PATCH", WorkloadApp, Automated)
            .On("GET", Cluster, Annotated).On("PATCH", Cluster, "{}");

        var changes = await new GitOpsSwitch(api.Client, Time).ResumeAsync(Target, CancellationToken.None);

        Assert.Equal([$"PATCH {DbApp}", $"PATCH {WorkloadApp}", $"PATCH {Cluster}"], api.Writes.Select(r => r.ToString()));
        Assert.All(api.Writes, r => Assert.Equal("application/merge-patch+json", r.ContentType));
        Assert.Equal("""{"spec":{"syncPolicy":{"automated":{"prune":true,"selfHeal":true}}}}""", api.Writes[0].Body);
        Assert.Equal("""{"metadata":{"annotations":{"pg-platform.io/incident":null,"pg-platform.io/paused-at":null}}}""", api.Writes[2].Body);
        Assert.Equal(
        [
            "Application argocd/linkding-db-prod: sync policy manual -> automated (prune=true, selfHeal=true)",
            "Application argocd/linkding-app-prod: sync policy manual -> automated (prune=true, selfHeal=true)",
            "Cluster linkding-prod/linkding-db: removed pg-platform.io/incident=\"INC-42 restore\" (paused at 2026-03-14T07:26:53Z)",
        ], changes);
    }

    [Fact]
    public async Task ResumeCompletesAnAutomatedPolicyMissingSelfHeal()
    {
        const string NoSelfHeal = """{"spec":{"syncPolicy":{"automated":{"prune":true}}}}""";
        var api = new FakeKubernetesApi().On("GET", DbApp, NoSelfHeal).On("PATCH", DbApp, Automated).On("GET", Cluster, """{"metadata":{"name":"linkding-db"}}""");

        var changes = await new GitOpsSwitch(api.Client, Time).ResumeAsync(Target with { IncludeWorkload = false }, CancellationToken.None);

        Assert.Equal([$"PATCH {DbApp}"], api.Writes.Select(r => r.ToString()));
        Assert.Equal("Application argocd/linkding-db-prod: sync policy automated (prune=true, selfHeal=false) -> automated (prune=true, selfHeal=true)", changes[0]);
        Assert.Equal("Cluster linkding-prod/linkding-db: no incident annotation (unchanged)", changes[1]);
    }
}
