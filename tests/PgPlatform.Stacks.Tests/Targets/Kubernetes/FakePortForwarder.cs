using PgPlatform.Stacks.Targets.Kubernetes;

namespace PgPlatform.Stacks.Tests.Targets.Kubernetes;

/// <summary>Hands out local ports without listening, and keeps each forward's pod resolver so tests can ask where it would go.</summary>
public sealed class FakePortForwarder : IPortForwarder
{
    private int _next = 40000;

    /// <summary>Every forward opened, in order.</summary>
    public List<Forward> Forwards { get; } = [];

    /// <inheritdoc />
    public Task<ILocalForward> ForwardAsync(string ns, Func<CancellationToken, Task<string?>> resolvePod, int remotePort, CancellationToken cancellationToken)
    {
        var forward = new Forward(ns, resolvePod, remotePort, _next++);
        Forwards.Add(forward);
        return Task.FromResult<ILocalForward>(forward);
    }

    /// <summary>One fake forward.</summary>
    public sealed record Forward(string Namespace, Func<CancellationToken, Task<string?>> ResolvePod, int RemotePort, int LocalPort) : ILocalForward
    {
        /// <summary>True once disposed.</summary>
        public bool Disposed { get; private set; }

        /// <inheritdoc />
        public ValueTask DisposeAsync()
        {
            Disposed = true;
            return ValueTask.CompletedTask;
        }
    }
}
