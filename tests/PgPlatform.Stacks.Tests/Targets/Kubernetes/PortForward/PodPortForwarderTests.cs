using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using k8s;
using PgPlatform.Stacks.Targets.Kubernetes;

namespace PgPlatform.Stacks.Tests.Targets.Kubernetes.PortForward;

/// <summary><see cref="PodPortForwarder"/> through a real KubernetesClient, a WebSocket port-forward server and real TCP servers for the pods.</summary>
public sealed class PodPortForwarderTests : IAsyncLifetime
{
    private const string Namespace = "linkding-drill";
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);
    private readonly GreetingEchoServer _pod1 = new("linkding-db-1");
    private readonly GreetingEchoServer _pod2 = new("linkding-db-2");
    private FakePortForwardApiServer _api = null!;
    private PodPortForwarder _forwarder = null!;

    public async Task InitializeAsync()
    {
        _api = await FakePortForwardApiServer.StartAsync(new Dictionary<string, int> { ["linkding-db-1"] = _pod1.Port, ["linkding-db-2"] = _pod2.Port });
        _forwarder = new PodPortForwarder(new k8s.Kubernetes(new KubernetesClientConfiguration { Host = _api.Host }));
    }

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        await _pod1.DisposeAsync();
        await _pod2.DisposeAsync();
    }

    [Fact]
    public async Task BytesGoBothWaysThroughThePortForwardWebsocket()
    {
        await using var forward = await _forwarder.ForwardAsync(Namespace, _ => Task.FromResult<string?>("linkding-db-1"), 5432, CancellationToken.None);
        using var client = await ConnectAsync(forward);
        var stream = client.GetStream();

        Assert.Equal("linkding-db-1\n", await ReadTextAsync(stream, "linkding-db-1\n".Length));
        var payload = RandomNumberGenerator.GetBytes(200_000);
        var echoed = ReadExactlyAsync(stream, payload.Length);
        await stream.WriteAsync(payload).AsTask().WaitAsync(Bound);

        Assert.Equal(payload, await echoed);
        Assert.Equal([$"/api/v1/namespaces/{Namespace}/pods/linkding-db-1/portforward?ports=5432"], _api.Requests);
    }

    [Fact]
    public async Task EachAcceptedConnectionResolvesThePodAnew()
    {
        var pods = new Queue<string>(["linkding-db-1", "linkding-db-2"]);
        await using var forward = await _forwarder.ForwardAsync(Namespace, _ => Task.FromResult<string?>(pods.Dequeue()), 5432, CancellationToken.None);

        using var first = await ConnectAsync(forward);
        var greetedFirst = await ReadTextAsync(first.GetStream(), "linkding-db-1\n".Length);
        using var second = await ConnectAsync(forward);
        var greetedSecond = await ReadTextAsync(second.GetStream(), "linkding-db-2\n".Length);

        Assert.Equal(("linkding-db-1\n", "linkding-db-2\n"), (greetedFirst, greetedSecond));
        Assert.Equal([$"/api/v1/namespaces/{Namespace}/pods/linkding-db-1/portforward?ports=5432", $"/api/v1/namespaces/{Namespace}/pods/linkding-db-2/portforward?ports=5432"], _api.Requests);
    }

    [Fact]
    public async Task AConnectionWhosePodCannotBeResolvedIsClosedAtOnce()
    {
        await using var forward = await _forwarder.ForwardAsync(Namespace, _ => Task.FromResult<string?>(null), 5432, CancellationToken.None);
        using var client = await ConnectAsync(forward);

        Assert.True(await IsClosedAsync(client));
        Assert.Empty(_api.Requests);
    }

    [Fact]
    public async Task APodWhosePortRefusesClosesTheConnection()
    {
        await using var forward = await _forwarder.ForwardAsync(Namespace, _ => Task.FromResult<string?>("linkding-db-9"), 5432, CancellationToken.None);
        using var client = await ConnectAsync(forward);

        Assert.True(await IsClosedAsync(client));
        Assert.Equal([$"/api/v1/namespaces/{Namespace}/pods/linkding-db-9/portforward?ports=5432"], _api.Requests);
    }

    [Fact]
    public async Task DisposingTheForwardStopsAcceptingAndClosesItsConnections()
    {
        var forward = await _forwarder.ForwardAsync(Namespace, _ => Task.FromResult<string?>("linkding-db-1"), 5432, CancellationToken.None);
        using var open = await ConnectAsync(forward);
        Assert.Equal("linkding-db-1\n", await ReadTextAsync(open.GetStream(), "linkding-db-1\n".Length));

        await forward.DisposeAsync();

        Assert.True(await IsClosedAsync(open));
        using var late = new TcpClient();
        var refused = await Assert.ThrowsAsync<SocketException>(() => late.ConnectAsync("127.0.0.1", forward.LocalPort).WaitAsync(Bound));
        Assert.Equal(SocketError.ConnectionRefused, refused.SocketErrorCode);
    }

    private static async Task<TcpClient> ConnectAsync(ILocalForward forward)
    {
        var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", forward.LocalPort).WaitAsync(Bound);
        return client;
    }

    private static async Task<string> ReadTextAsync(NetworkStream stream, int length) => Encoding.UTF8.GetString(await ReadExactlyAsync(stream, length));

    private static async Task<byte[]> ReadExactlyAsync(NetworkStream stream, int length)
    {
        var buffer = new byte[length];
        await stream.ReadExactlyAsync(buffer).AsTask().WaitAsync(Bound);
        return buffer;
    }

    /// <summary>True when the peer closed the connection (end of stream or reset) rather than sending anything.</summary>
    private static async Task<bool> IsClosedAsync(TcpClient client)
    {
        try
        {
            return await client.GetStream().ReadAsync(new byte[1]).AsTask().WaitAsync(Bound) == 0;
        }
        catch (IOException e) when (e.InnerException is SocketException)
        {
            return true;
        }
    }
}
