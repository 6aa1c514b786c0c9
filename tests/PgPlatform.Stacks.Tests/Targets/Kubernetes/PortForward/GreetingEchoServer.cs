using System.Net;
using System.Net.Sockets;
using System.Text;

namespace PgPlatform.Stacks.Tests.Targets.Kubernetes.PortForward;

/// <summary>
/// A real TCP server standing for one pod's PostgreSQL port: it greets every connection with its name and a
/// newline (so a test sees which pod a connection reached), then echoes every byte back.
/// </summary>
public sealed class GreetingEchoServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private readonly string _name;

    /// <summary>Listens on a free loopback port and greets with <paramref name="name"/>.</summary>
    public GreetingEchoServer(string name)
    {
        _name = name;
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptAsync();
    }

    /// <summary>The loopback port.</summary>
    public int Port { get; }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (OperationCanceledException)
        {
            // The accept loop ends with the stop.
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (true)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            _ = EchoAsync(client, _stop.Token);
        }
    }

    private async Task EchoAsync(TcpClient client, CancellationToken stop)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                await stream.WriteAsync(Encoding.UTF8.GetBytes(_name + "\n"), stop);
                await stream.CopyToAsync(stream, stop);
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException)
            {
                // The forward closed the connection.
            }
        }
    }
}
