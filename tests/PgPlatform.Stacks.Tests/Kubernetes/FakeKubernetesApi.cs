using System.Net;
using System.Text;
using k8s;

namespace PgPlatform.Stacks.Tests.Kubernetes;

/// <summary>
/// The Kubernetes API as an in-memory handler under a real KubernetesClient: every request is recorded
/// (method, path with query, content type, body) and answered by the first route matching its method and
/// path; anything unrouted is a 404 Status, as the API server answers for a missing object.
/// </summary>
public sealed class FakeKubernetesApi : DelegatingHandler
{
    private readonly List<(string Method, string Path, Func<RecordedRequest, (HttpStatusCode, string)> Answer)> _routes = [];
    private readonly List<RecordedRequest> _requests = [];
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

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var recorded = new RecordedRequest(request.Method.Method, request.RequestUri!.AbsolutePath, request.RequestUri.Query, request.Content?.Headers.ContentType?.MediaType, body);
        Func<RecordedRequest, (HttpStatusCode, string)>? answer;
        lock (_gate)
        {
            _requests.Add(recorded);
            answer = _routes.FirstOrDefault(r => r.Method == recorded.Method && r.Path == recorded.Path).Answer;
        }

        var (status, json) = answer?.Invoke(recorded)
            ?? (HttpStatusCode.NotFound, $$"""{"kind":"Status","apiVersion":"v1","status":"Failure","reason":"NotFound","code":404,"message":"{{recorded.Path}} not found"}""");
        return new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json"), RequestMessage = request };
    }
}
