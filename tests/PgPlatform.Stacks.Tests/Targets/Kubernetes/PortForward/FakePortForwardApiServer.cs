using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PgPlatform.Stacks.Tests.Targets.Kubernetes.PortForward;

/// <summary>
/// An HTTP server on loopback answering <c>GET /api/v1/namespaces/{ns}/pods/{pod}/portforward?ports=N</c> as the
/// API server does: a WebSocket with subprotocol <c>v4.channel.k8s.io</c> carrying, for the one port, data
/// channel 0 and error channel 1. Every message starts with its channel byte; the server's first message on each
/// channel is the port, 2 bytes little-endian. Channel 0 is piped to the pod's TCP server (from
/// <c>pods</c>); a pod it does not know gets an error on channel 1 and the socket closed, as when the pod's port
/// refuses the connection.
/// </summary>
public sealed class FakePortForwardApiServer : IAsyncDisposable
{
    /// <summary>The subprotocol of the port-forward WebSocket.</summary>
    public const string Subprotocol = "v4.channel.k8s.io";

    private readonly WebApplication _app;
    private readonly IReadOnlyDictionary<string, int> _pods;
    private readonly ConcurrentQueue<string> _requests = new();

    private FakePortForwardApiServer(WebApplication app, IReadOnlyDictionary<string, int> pods)
    {
        _app = app;
        _pods = pods;
    }

    /// <summary>The server's base address (<c>http://127.0.0.1:PORT</c>).</summary>
    public string Host { get; private set; } = "";

    /// <summary>Each port-forward request so far: <c>path?query</c>, in order.</summary>
    public IReadOnlyList<string> Requests => [.. _requests];

    /// <summary>Starts on a free loopback port; <paramref name="pods"/> maps each pod name to its TCP server's loopback port.</summary>
    public static async Task<FakePortForwardApiServer> StartAsync(IReadOnlyDictionary<string, int> pods)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new FakePortForwardApiServer(app, pods);
        app.UseWebSockets();
        app.Map("/api/v1/namespaces/{ns}/pods/{pod}/portforward", context => server.ServeAsync(context, (string)context.Request.RouteValues["pod"]!));
        await app.StartAsync();
        server.Host = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return server;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task ServeAsync(HttpContext context, string pod)
    {
        _requests.Enqueue($"{context.Request.Path}{context.Request.QueryString}");
        if (!context.WebSockets.IsWebSocketRequest || !context.WebSockets.WebSocketRequestedProtocols.Contains(Subprotocol)
            || !ushort.TryParse(context.Request.Query["ports"], out var port))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync(Subprotocol);
        var portBytes = new byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(portBytes, port);
        await SendAsync(socket, 0, portBytes);
        await SendAsync(socket, 1, portBytes);
        if (!_pods.TryGetValue(pod, out var podPort))
        {
            await SendAsync(socket, 1, Encoding.UTF8.GetBytes($"error forwarding port {port} to pod {pod}: connection refused"));
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
            return;
        }

        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, podPort);
        var stream = tcp.GetStream();
        using var done = new CancellationTokenSource();
        var fromPod = PodToSocketAsync(stream, socket, done.Token);
        var toPod = SocketToPodAsync(socket, stream, done.Token);
        // Either side closing ends the forward: the pod's TCP connection and the WebSocket close together.
        if (await Task.WhenAny(fromPod, toPod) == toPod)
        {
            await done.CancelAsync();
            await QuietlyAsync(fromPod);
        }

        if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            await QuietlyAsync(socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None));
        }

        await done.CancelAsync();
        await QuietlyAsync(fromPod);
        await QuietlyAsync(toPod);
    }

    /// <summary>Awaits a pump that may end by cancellation or a closed connection.</summary>
    private static async Task QuietlyAsync(Task pump)
    {
        try
        {
            await pump;
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or SocketException or WebSocketException)
        {
            // The connection is over either way.
        }
    }

    private static async Task PodToSocketAsync(NetworkStream pod, WebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await pod.ReadAsync(buffer, cancellationToken)) > 0)
        {
            await SendAsync(socket, 0, buffer.AsMemory(0, read));
        }
    }

    private static async Task SocketToPodAsync(WebSocket socket, NetworkStream pod, CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return;
            }

            message.Write(buffer, 0, result.Count);
            if (!result.EndOfMessage)
            {
                continue;
            }

            var frame = message.ToArray();
            message.SetLength(0);
            if (frame.Length > 1 && frame[0] == 0)
            {
                await pod.WriteAsync(frame.AsMemory(1), cancellationToken);
            }
        }
    }

    private static async Task SendAsync(WebSocket socket, byte channel, ReadOnlyMemory<byte> payload)
    {
        var frame = new byte[payload.Length + 1];
        frame[0] = channel;
        payload.CopyTo(frame.AsMemory(1));
        await socket.SendAsync(frame, WebSocketMessageType.Binary, endOfMessage: true, CancellationToken.None);
    }
}
