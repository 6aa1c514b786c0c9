using PgPlatform.Stacks.Targets.Kubernetes;

namespace PgPlatform.Stacks.Tests.Targets.Kubernetes;

/// <summary>Records what would be written to Key Vault and runs <see cref="OnSet"/> (e.g. to make the fake Secret change).</summary>
public sealed class FakeSecretStore : ISecretStore
{
    /// <summary>Every write, in order.</summary>
    public List<(string Name, string Value)> Writes { get; } = [];

    /// <summary>Runs after each write.</summary>
    public Action<string>? OnSet { get; set; }

    /// <inheritdoc />
    public Task SetAsync(string name, string value, CancellationToken cancellationToken)
    {
        Writes.Add((name, value));
        OnSet?.Invoke(value);
        return Task.CompletedTask;
    }
}
