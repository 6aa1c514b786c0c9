namespace PgPlatform.Stacks.Tests.Targets.Kubernetes;

/// <summary>A clock stopped at <paramref name="now"/>.</summary>
public sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => now;
}
