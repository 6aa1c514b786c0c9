using System.Net;
using System.Text.Json.Nodes;

namespace PgPlatform.Stacks.Tests.Targets.Kubernetes;

/// <summary>
/// How <see cref="FakeKubernetesApi"/> answers one watch request: an HTTP status and newline-delimited watch events,
/// after which the stream either ends (as the API server ends every watch sooner or later) or stays open until the
/// client closes it.
/// </summary>
/// <param name="Status">The HTTP status of the answer.</param>
/// <param name="Lines">The body's lines (watch events; for an error status, the Status object).</param>
/// <param name="Ends">True when the stream ends after the lines.</param>
public sealed record WatchAnswer(HttpStatusCode Status, IReadOnlyList<string> Lines, bool Ends)
{
    /// <summary>The Status object of 410 Gone (the resource version is too old), as the API server sends it.</summary>
    public const string GoneStatus = """{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"too old resource version: 1 (7)","reason":"Expired","code":410}""";

    /// <summary>200 with <paramref name="events"/>, then the stream stays open.</summary>
    public static WatchAnswer Open(params string[] events) => new(HttpStatusCode.OK, events, Ends: false);

    /// <summary>200 with <paramref name="events"/>, then the stream ends.</summary>
    public static WatchAnswer Ending(params string[] events) => new(HttpStatusCode.OK, events, Ends: true);

    /// <summary>The watch request itself is answered 410 Gone.</summary>
    public static WatchAnswer Gone() => new(HttpStatusCode.Gone, [GoneStatus], Ends: true);

    /// <summary>One event line: <c>{"type":TYPE,"object":OBJECT}</c>, the object's JSON on one line.</summary>
    public static string Event(string type, string objectJson) => new JsonObject { ["type"] = type, ["object"] = JsonNode.Parse(objectJson) }.ToJsonString();

    /// <summary>An ERROR event carrying 410 Gone, as the API server sends it in the stream before closing it.</summary>
    public static string GoneEvent => Event("ERROR", GoneStatus);
}
