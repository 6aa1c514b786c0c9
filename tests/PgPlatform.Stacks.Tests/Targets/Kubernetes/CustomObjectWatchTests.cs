using System.Net;
using k8s;
using PgPlatform.Stacks.Targets.Kubernetes;
using static PgPlatform.Stacks.Tests.Targets.Kubernetes.CnpgFixtures;
using static PgPlatform.Stacks.Tests.Targets.Kubernetes.WatchAnswer;

namespace PgPlatform.Stacks.Tests.Targets.Kubernetes;

public sealed class CustomObjectWatchTests
{
    private static readonly CustomObjectReference LinkdingDb = new("postgresql.cnpg.io", "v1", Namespace, "clusters", "linkding-db");
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task AnObjectAlreadySatisfyingTheConditionIsReturnedWithoutAWatch()
    {
        var api = new FakeKubernetesApi().On("GET", ClusterPath, Cluster("linkding-db-1", ready: true));

        var cluster = await UntilReadyAsync(api, Long);

        Assert.Equal("linkding-db-1", CnpgCluster.From(cluster).CurrentPrimary);
        Assert.Equal([$"GET {ClusterPath}"], api.Requests.Select(r => $"{r.Method} {r.Path}"));
    }

    [Fact]
    public async Task TheWatchAsksForTheOneObjectFromTheVersionReadWithBookmarksAndAServerTimeOut()
    {
        var api = new FakeKubernetesApi()
            .On("GET", ClusterPath, Cluster("linkding-db-1", ready: false, resourceVersion: "41"))
            .OnWatch(ClustersPath, Open(Event("MODIFIED", Cluster("linkding-db-1", ready: false, "42")), Event("MODIFIED", Cluster("linkding-db-2", ready: true, "43"))));

        var cluster = await UntilReadyAsync(api, Long);

        Assert.Equal("43", cluster["metadata"]!["resourceVersion"]!.GetValue<string>());
        var watch = Assert.Single(api.Watches);
        Assert.Equal(("GET", ClustersPath), (watch.Method, watch.Path));
        var parameters = watch.Parameters;
        Assert.Equal(["allowWatchBookmarks", "fieldSelector", "resourceVersion", "timeoutSeconds", "watch"], parameters.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(("true", "metadata.name=linkding-db", "41", "true"), (parameters["allowWatchBookmarks"], parameters["fieldSelector"], parameters["resourceVersion"], parameters["watch"]));
        Assert.InRange(int.Parse(parameters["timeoutSeconds"], System.Globalization.CultureInfo.InvariantCulture), 1, 60);
        Assert.Equal(0, api.OpenWatchStreams);
    }

    [Fact]
    public async Task BookmarksAndDeletionsDoNotSatisfyTheCondition()
    {
        var api = new FakeKubernetesApi()
            .On("GET", ClusterPath, Cluster("linkding-db-1", ready: false, resourceVersion: "41"))
            .OnWatch(ClustersPath, Open(
                Event("BOOKMARK", """{"apiVersion":"postgresql.cnpg.io/v1","kind":"Cluster","metadata":{"resourceVersion":"50"}}"""),
                Event("DELETED", Cluster("linkding-db-1", ready: true, "51"))));

        var error = await Assert.ThrowsAsync<TimeoutException>(() => UntilReadyAsync(api, TimeSpan.FromMilliseconds(300)));

        Assert.EndsWith("(last seen: no such object)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhenTheStreamEndsTheObjectIsReadAgainAndWatchedFromItsNewVersion()
    {
        var api = new FakeKubernetesApi()
            .On("GET", ClusterPath, InTurn(Cluster("linkding-db-1", ready: false, "10"), Cluster("linkding-db-1", ready: false, "11"), Cluster("linkding-db-2", ready: false, "20")))
            .OnWatch(ClustersPath, Ending(), Ending(Event("MODIFIED", Cluster("linkding-db-2", ready: false, "15"))), Open(Event("MODIFIED", Cluster("linkding-db-2", ready: true, "21"))));

        var cluster = await UntilReadyAsync(api, Long);

        Assert.Equal("21", cluster["metadata"]!["resourceVersion"]!.GetValue<string>());
        Assert.Equal(["GET clusters/linkding-db", "WATCH from 10", "GET clusters/linkding-db", "WATCH from 11", "GET clusters/linkding-db", "WATCH from 20"], Story(api));
    }

    [Fact]
    public async Task A410GoneEventInTheStreamClosesItAndTheObjectIsReadAgain()
    {
        var api = new FakeKubernetesApi()
            .On("GET", ClusterPath, InTurn(Cluster("linkding-db-1", ready: false, "10"), Cluster("linkding-db-1", ready: false, "30")))
            .OnWatch(ClustersPath, Open(GoneEvent), Open(Event("MODIFIED", Cluster("linkding-db-1", ready: true, "31"))));

        await UntilReadyAsync(api, Long);

        Assert.Equal(["GET clusters/linkding-db", "WATCH from 10", "GET clusters/linkding-db", "WATCH from 30"], Story(api));
        Assert.Equal(0, api.OpenWatchStreams);
    }

    [Fact]
    public async Task AWatchAnswered410GoneIsStartedAgainAfterANewRead()
    {
        var api = new FakeKubernetesApi()
            .On("GET", ClusterPath, InTurn(Cluster("linkding-db-1", ready: false, "10"), Cluster("linkding-db-1", ready: false, "30")))
            .OnWatch(ClustersPath, Gone(), Open(Event("MODIFIED", Cluster("linkding-db-1", ready: true, "31"))));

        await UntilReadyAsync(api, Long);

        Assert.Equal(["GET clusters/linkding-db", "WATCH from 10", "GET clusters/linkding-db", "WATCH from 30"], Story(api));
    }

    [Fact]
    public async Task AnObjectNotThereYetIsWatchedWithoutAVersionUntilItIsAdded()
    {
        var api = new FakeKubernetesApi().OnWatch(ClustersPath, Open(Event("ADDED", Cluster("linkding-db-1", ready: true, "3"))));

        await UntilReadyAsync(api, Long);

        Assert.Equal(["GET clusters/linkding-db", "WATCH from (none)"], Story(api));
    }

    [Fact]
    public async Task ATimeOutNamesWhatWasAwaitedAndTheLastStateTheWatchSawAndClosesTheWatch()
    {
        var api = new FakeKubernetesApi()
            .On("GET", ClusterPath, Cluster("linkding-db-1", ready: false))
            .OnWatch(ClustersPath, Open(Event("MODIFIED", Cluster("linkding-db-2", ready: false, "2"))));

        var error = await Assert.ThrowsAsync<TimeoutException>(() => UntilReadyAsync(api, TimeSpan.FromMilliseconds(300)));

        Assert.Equal("the Cluster Ready: not reached within 0 s (last seen: primary linkding-db-2, not Ready, phase 'Failing over')", error.Message);
        Assert.Equal(0, api.OpenWatchStreams);
    }

    [Fact]
    public async Task CancellationPropagatesAsCancellationNotAsATimeOut()
    {
        var watching = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var api = new FakeKubernetesApi()
            .On("GET", ClusterPath, Cluster("linkding-db-1", ready: false))
            .OnWatch(ClustersPath, _ =>
            {
                watching.TrySetResult();
                return Open();
            });
        using var cancel = new CancellationTokenSource();

        var wait = UntilReadyAsync(api, Long, cancel.Token);
        await watching.Task.WaitAsync(Long);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait);
    }

    [Fact]
    public async Task AnErrorEventOtherThan410IsThrown()
    {
        var api = new FakeKubernetesApi()
            .On("GET", ClusterPath, Cluster("linkding-db-1", ready: false))
            .OnWatch(ClustersPath, Open(Event("ERROR", """{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"internal error","reason":"InternalError","code":500}""")));

        var error = await Assert.ThrowsAsync<KubernetesException>(() => UntilReadyAsync(api, Long));

        Assert.Equal(500, error.Status.Code);
    }

    [Fact]
    public async Task AWatchRefusedOtherThan410IsThrown()
    {
        var api = new FakeKubernetesApi()
            .On("GET", ClusterPath, Cluster("linkding-db-1", ready: false))
            .OnWatch(ClustersPath, new WatchAnswer(HttpStatusCode.Forbidden, ["""{"kind":"Status","apiVersion":"v1","status":"Failure","reason":"Forbidden","code":403}"""], Ends: true));

        var error = await Assert.ThrowsAsync<k8s.Autorest.HttpOperationException>(() => UntilReadyAsync(api, Long));

        Assert.Equal(HttpStatusCode.Forbidden, error.Response.StatusCode);
    }

    private static Task<System.Text.Json.Nodes.JsonObject> UntilReadyAsync(FakeKubernetesApi api, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        new CustomObjectWatch(api.Client, TimeSpan.Zero).UntilAsync(LinkdingDb, "the Cluster Ready", c => CnpgCluster.From(c).Ready, c => CnpgCluster.From(c).Summary, timeout, cancellationToken);

    /// <summary>The requests as reads of the object and watches from a resource version.</summary>
    private static List<string> Story(FakeKubernetesApi api) => [.. api.Requests.Select(r => r.Parameters.ContainsKey("watch")
        ? $"WATCH from {r.Parameters.GetValueOrDefault("resourceVersion") ?? "(none)"}"
        : $"GET {r.Path[(ClustersPath.Length - "clusters".Length)..]}")];
}
