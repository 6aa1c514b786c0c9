using PgPlatform.Stacks.Targets;

namespace PgPlatform.Stacks.Tests.Nightly;

/// <summary>A target that only exists for orchestration tests: no database behind it.</summary>
public sealed class FakeDrillTarget(string application) : IDrillTarget
{
    /// <summary>The application it stands for.</summary>
    public string Application { get; } = application;

    /// <summary>True once disposed.</summary>
    public bool Disposed { get; private set; }

    /// <inheritdoc />
    public string Name => "kubernetes";

    /// <inheritdoc />
    public TargetFacts Facts => new("cloudnative-pg 1.30.0", "ghcr.io/cloudnative-pg/postgresql:17.5", "pgp-ephemeral");

    /// <inheritdoc />
    public string ReadWriteConnectionString => "Host=127.0.0.1;Port=1";

    /// <inheritdoc />
    public string SuperuserReadWriteConnectionString => "Host=127.0.0.1;Port=1";

    /// <inheritdoc />
    public IReadOnlyList<ClusterMember> Members => [];

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        Disposed = true;
        return ValueTask.CompletedTask;
    }
}
