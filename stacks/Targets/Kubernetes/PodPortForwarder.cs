using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using k8s;

namespace PgPlatform.Stacks.Targets.Kubernetes;

/// <summary>
/// Port forwarding over the API server's WebSocket (what <c>kubectl port-forward</c> does), resolving the
/// pod again for every accepted connection. A connection whose pod cannot be resolved or reached is closed
/// at once, which the client sees as a failed connection attempt.
/// </summary>
public sealed class PodPortForwarder(IKubernetes kubernetes) : IPortForwarder
{
    /// <inheritdoc />
    public Task<ILocalForward> ForwardAsync(string ns, Func<CancellationToken, Task<string?>> resolvePod, int remotePort, CancellationToken cancellationToken)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return Task.FromResult<ILocalForward>(new Forward(kubernetes, listener, ns, resolvePod, remotePort));
    }

    private sealed class Forward : ILocalForward
    {
        private readonly TcpListener _listener;
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _accepting;
        private readonly ConcurrentDictionary<TcpClient, bool> _clients = new();

        public Forward(IKubernetes kubernetes, TcpListener listener, string ns, Func<CancellationToken, Task<string?>> resolvePod, int remotePort)
        {
            _listener = listener;
            LocalPort = ((IPEndPoint)listener.LocalEndpoint).Port;
            _accepting = Task.Run(() => AcceptAsync(kubernetes, ns, resolvePod, remotePort));
        }

        public int LocalPort { get; }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            _listener.Stop();
            // Closed here, not only by their pipes: a pipe blocked in the demuxer's synchronous read may take long to see
            // the cancellation on a busy machine, and the clients must see their connections end when the forward does.
            foreach (var client in _clients.Keys)
            {
                client.Dispose();
            }

            try
            {
                await _accepting;
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                // The listener was stopped under the pending accept: that is how the loop ends.
            }

            _stop.Dispose();
        }

        private async Task AcceptAsync(IKubernetes kubernetes, string ns, Func<CancellationToken, Task<string?>> resolvePod, int remotePort)
        {
            while (!_stop.IsCancellationRequested)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                _clients[client] = true;
                _ = Task.Run(async () =>
                {
                    try
                    {
                        await PipeAsync(kubernetes, ns, resolvePod, remotePort, client, _stop.Token);
                    }
                    finally
                    {
                        _clients.TryRemove(client, out _);
                    }
                });
            }
        }

        private static async Task PipeAsync(IKubernetes kubernetes, string ns, Func<CancellationToken, Task<string?>> resolvePod, int remotePort, TcpClient client, CancellationToken stop)
        {
            using (client)
            {
                try
                {
                    var pod = await resolvePod(stop);
                    if (pod is null)
                    {
                        return;
                    }

                    using var socket = await kubernetes.WebSocketNamespacedPodPortForwardAsync(pod, ns, [remotePort], "v4.channel.k8s.io", cancellationToken: stop);
                    using var demuxer = new StreamDemuxer(socket, StreamType.PortForward);
                    demuxer.Start();
                    // A MuxedStream has only synchronous Read and Write, so its asynchronous ones share one lock: a read
                    // waiting for the pod would hold up every write. Reads come from channel 0's stream, writes go to the demuxer.
                    await using var fromPod = demuxer.GetStream((byte?)0, null);
                    var local = client.GetStream();
                    using var done = CancellationTokenSource.CreateLinkedTokenSource(stop);
                    var upstream = CopyToPodAsync(local, demuxer, done.Token);
                    // The read from the pod blocks until the pod sends: on a thread of its own, not the pool's. Blocked pool
                    // threads starved a busy test host once: a second connection's greeting waited 30 s for a thread.
                    var downstream = Task.Factory.StartNew(() => CopyFromPod(fromPod, local, done.Token), done.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default);
                    // Either side closing ends the connection; the other copy is cancelled.
                    await Task.WhenAny(upstream, downstream);
                    await done.CancelAsync();
                }
                catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or System.Net.WebSockets.WebSocketException or k8s.Autorest.HttpOperationException or HttpRequestException or ObjectDisposedException)
                {
                    // The pod went away (a failover) or the forward was stopped: the client sees its connection close.
                }
            }
        }

        /// <summary>Sends what the pod sends on data channel 0 to the local client until the pod's stream ends.</summary>
        private static void CopyFromPod(Stream fromPod, NetworkStream local, CancellationToken cancellationToken)
        {
            var buffer = new byte[64 * 1024];
            int read;
            while (!cancellationToken.IsCancellationRequested && (read = fromPod.Read(buffer, 0, buffer.Length)) > 0)
            {
                local.Write(buffer, 0, read);
            }
        }

        /// <summary>Sends what the local client writes to the pod on data channel 0 until the client stops writing.</summary>
        private static async Task CopyToPodAsync(NetworkStream local, StreamDemuxer demuxer, CancellationToken cancellationToken)
        {
            var buffer = new byte[64 * 1024];
            int read;
            while ((read = await local.ReadAsync(buffer, cancellationToken)) > 0)
            {
                await demuxer.Write((byte)0, buffer, 0, read, cancellationToken);
            }
        }
    }
}
