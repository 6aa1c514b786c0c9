using System.Net;
using System.Text;
using k8s;

namespace PgPlatform.Stacks.Tests.Targets.Kubernetes;

/// <summary>
/// The Kubernetes API as an in-memory handler under a real KubernetesClient: every request is recorded
/// (method, path with query, content type, body) and answered by the first route matching its method and
/// path; anything unrouted is a 404 Status, as the API server answers for a missing object. A watch request
/// (<c>watch=true</c>) is answered by the first watch route of its path with a <see cref="WatchAnswer"/>; an
/// unrouted watch gets a stream with no events that stays open, as the API server's when nothing changes.
/// </summary>
public sealed class FakeKubernetesApi : DelegatingHandler
{
    private readonly List<(string Method, string Path, Func<RecordedRequest, (HttpStatusCode, string)> Answer)> _routes = [];
    private readonly List<(string Path, Func<RecordedRequest, WatchAnswer> Answer)> _watchRoutes = [];
    private readonly List<RecordedRequest> _requests = [];
    private readonly List<WatchStream> _watchStreams = [];
    private readonly Lock _gate = new();

    /// <summary>A client talking to this fake.</summary>
    public IKubernetes Client => new k8s.Kubernetes(new KubernetesClientConfiguration { Host = "http://fake" }, this);

    /// <summary>Every request so far, in order.</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>The watch requests so far, in order.</summary>
    public IReadOnlyList<RecordedRequest> Watches => [.. Requests.Where(r => r.Parameters.GetValueOrDefault("watch") == "true")];

    /// <summary>Watch streams the client has not closed yet.</summary>
    public int OpenWatchStreams
    {
        get
        {
            lock (_gate)
            {
                return _watchStreams.Count(s => !s.Closed);
            }
        }
    }

    /// <summary>Requests other than reads (GET), in order.</summary>
    public IReadOnlyList<RecordedRequest> Writes => [.. Requests.Where(r => r.Method != "GET")];

    /// <summary>Answers <paramref name="method"/> on <paramref name="path"/> (without query) with <paramref name="json"/>.</summary>
    public FakeKubernetesApi On(string method, string path, string json, HttpStatusCode status = HttpStatusCode.OK) => On(method, path, _ => (status, json));

    /// <summary>Answers <paramref name="method"/> on <paramref name="path"/> (without query) with what <paramref name="answer"/> returns.</summary>
    public FakeKubernetesApi On(string method, string path, Func<RecordedRequest, (HttpStatusCode Status, string Json)> answer)
    {
        lock (_gate)
        {
            _routes.Insert(0, (method, path, answer));
        }

        return this;
    }

    /// <summary>Answers watch requests on the collection <paramref name="path"/> (without query) with what <paramref name="answer"/> returns.</summary>
    public FakeKubernetesApi OnWatch(string path, Func<RecordedRequest, WatchAnswer> answer)
    {
        lock (_gate)
        {
            _watchRoutes.Insert(0, (path, answer));
        }

        return this;
    }

    /// <summary>Answers the watch requests on <paramref name="path"/> with <paramref name="answers"/> in turn, repeating the last one.</summary>
    public FakeKubernetesApi OnWatch(string path, params WatchAnswer[] answers)
    {
        var next = 0;
        return OnWatch(path, _ => answers[Math.Min(Interlocked.Increment(ref next) - 1, answers.Length - 1)]);
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var recorded = new RecordedRequest(request.Method.Method, request.RequestUri!.AbsolutePath, request.RequestUri.Query, request.Content?.Headers.ContentType?.MediaType, body);
        Func<RecordedRequest, (HttpStatusCode, string)>? answer;
        Func<RecordedRequest, WatchAnswer>? watch;
        lock (_gate)
        {
            _requests.Add(recorded);
            answer = _routes.FirstOrDefault(r => r.Method == recorded.Method && r.Path == recorded.Path).Answer;
            watch = _watchRoutes.FirstOrDefault(r => r.Path == recorded.Path).Answer;
        }

        if (recorded.Method == "GET" && recorded.Parameters.GetValueOrDefault("watch") == "true")
        {
            var reply = watch?.Invoke(recorded) ?? WatchAnswer.Open();
            var stream = new WatchStream(reply.Lines, reply.Ends);
            lock (_gate)
            {
                _watchStreams.Add(stream);
            }

            var content = new StreamContent(stream);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            return new HttpResponseMessage(reply.Status) { Content = content, RequestMessage = request };
        }

        var (status, json) = answer?.Invoke(recorded)
            ?? (HttpStatusCode.NotFound, $$"""{"kind":"Status","apiVersion":"v1","status":"Failure","reason":"NotFound","code":404,"message":"{{recorded.Path}} not found"}""");
        return new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json"), RequestMessage = request };
    }
}
