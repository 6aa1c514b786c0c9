namespace PgPlatform.Stacks.Targets.Kubernetes;

/// <summary>One listening forward; disposing it closes the listener and its connections.</summary>
public interface ILocalForward : IAsyncDisposable
{
    /// <summary>The loopback port.</summary>
    int LocalPort { get; }
}
