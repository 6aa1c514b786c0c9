namespace PgPlatform.Stacks.Targets.Kubernetes;

/// <summary>Opens local TCP ports that reach PostgreSQL inside the cluster (the drills run outside it).</summary>
public interface IPortForwarder
{
    /// <summary>
    /// Listens on a free loopback port; each connection goes to port <paramref name="remotePort"/> of the pod
    /// <paramref name="resolvePod"/> names at that moment (so a forward to the <c>-rw</c> service follows a
    /// failover, as a client of the service would). Disposing the result stops listening.
    /// </summary>
    Task<ILocalForward> ForwardAsync(string ns, Func<CancellationToken, Task<string?>> resolvePod, int remotePort, CancellationToken cancellationToken);
}
