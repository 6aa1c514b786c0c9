using System.Net;
using System.Runtime.ExceptionServices;
using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;
using PgPlatform.Stacks.Waits;

namespace PgPlatform.Stacks.Targets.Kubernetes;

/// <summary>
/// Waits for a namespaced custom object to satisfy a condition by watching it, as a controller would: GET it
/// (done if it already satisfies the condition; a 404 means "not there yet"), then watch its collection with
/// <c>fieldSelector=metadata.name=&lt;name&gt;</c> from the GET's <c>resourceVersion</c> (bookmarks allowed, a
/// server-side <c>timeoutSeconds</c>), evaluating every ADDED and MODIFIED event. When the stream ends (normal:
/// the server closes watches) or the resource version is gone (410, in the stream or as the answer), it reads the
/// object again and watches anew, after <paramref name="restartDelay"/>. Everything is bounded by the caller's timeout.
/// </summary>
/// <param name="kubernetes">The client.</param>
/// <param name="restartDelay">Pause before reading and watching again after a watch ended.</param>
public sealed class CustomObjectWatch(IKubernetes kubernetes, TimeSpan restartDelay)
{
    /// <summary>The longest watch asked of the server (<c>timeoutSeconds</c>); a shorter remaining wait asks for less.</summary>
    public static readonly TimeSpan LongestWatch = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Returns the object once <paramref name="condition"/> holds for it. After <paramref name="timeout"/> throws
    /// <see cref="TimeoutException"/> naming <paramref name="what"/> and the last state seen (through
    /// <paramref name="describe"/>, or "no such object"). Cancellation of <paramref name="cancellationToken"/> propagates;
    /// an error event other than 410 Gone, or a failed request, is thrown as is.
    /// </summary>
    public async Task<JsonObject> UntilAsync(CustomObjectReference target, string what, Func<JsonObject, bool> condition, Func<JsonObject, string> describe, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var end = DateTimeOffset.UtcNow + timeout;
        JsonObject? last = null;
        try
        {
            while (true)
            {
                last = await ReadAsync(target, deadline.Token);
                if (last is not null && condition(last))
                {
                    return last;
                }

                var seconds = (int)Math.Ceiling(Math.Clamp((end - DateTimeOffset.UtcNow).TotalSeconds, 1, LongestWatch.TotalSeconds));
                var found = await WatchOnceAsync(target, ResourceVersion(last), seconds, condition, seen => last = seen, deadline.Token);
                if (found is not null)
                {
                    return found;
                }

                await Task.Delay(restartDelay, deadline.Token);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or HttpRequestException && deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"{Waiting.NotReached(what, timeout)} (last seen: {(last is null ? "no such object" : describe(last))})", e);
        }
    }

    /// <summary>The object as it is now, or null when it does not exist (404).</summary>
    public async Task<JsonObject?> ReadAsync(CustomObjectReference target, CancellationToken cancellationToken)
    {
        try
        {
            return await kubernetes.CustomObjects.GetNamespacedCustomObjectAsync<JsonObject>(target.Group, target.Version, target.Namespace, target.Plural, target.Name, cancellationToken);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>One watch: the first object satisfying <paramref name="condition"/>, or null when the stream ended or the version is gone.</summary>
    private async Task<JsonObject?> WatchOnceAsync(CustomObjectReference target, string? resourceVersion, int timeoutSeconds, Func<JsonObject, bool> condition, Action<JsonObject?> seen, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Exception? failure = null;
        try
        {
            // An error event (a Status object) arrives through onError; the server closes the stream after it, and so does this.
            var events = kubernetes.CustomObjects.WatchListNamespacedCustomObjectAsync(target.Group, target.Version, target.Namespace, target.Plural,
                allowWatchBookmarks: true, fieldSelector: $"metadata.name={target.Name}", resourceVersion: resourceVersion, timeoutSeconds: timeoutSeconds,
                onError: e =>
                {
                    failure ??= e;
                    stop.Cancel();
                }, cancellationToken: stop.Token);
            await foreach (var (type, raw) in events)
            {
                if (type is WatchEventType.Added or WatchEventType.Modified && AsObject(raw) is { } item)
                {
                    seen(item);
                    if (condition(item))
                    {
                        return item;
                    }
                }
                else if (type == WatchEventType.Deleted)
                {
                    seen(null);
                }
            }
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.Gone)
        {
            return null;
        }
        catch (HttpRequestException e) when (e.InnerException is EndOfStreamException)
        {
            // KubernetesClient reads a watch's first line before handing the stream over: a watch the server ended
            // before any event (a quiet timeoutSeconds) fails there. It is an ordinary end of the stream.
            return null;
        }
        catch (OperationCanceledException) when (failure is not null && !cancellationToken.IsCancellationRequested)
        {
            // The stream was closed after its error event; handled below.
        }

        if (failure is not null && failure is not KubernetesException { Status.Code: (int)HttpStatusCode.Gone })
        {
            ExceptionDispatchInfo.Throw(failure);
        }

        return null;
    }

    /// <summary>The event's object as JSON (KubernetesClient hands untyped custom objects over as <see cref="System.Text.Json.JsonElement"/>).</summary>
    private static JsonObject? AsObject(object? raw) => raw switch
    {
        System.Text.Json.JsonElement element => JsonNode.Parse(element.GetRawText()) as JsonObject,
        _ => null,
    };

    private static string? ResourceVersion(JsonObject? item) => CnpgCluster.Text(item?["metadata"]?["resourceVersion"]);
}
