namespace PgPlatform.Stacks.Targets;

/// <summary>A cluster restored from a backup, alive until disposed.</summary>
public interface IRestoredCluster : IAsyncDisposable
{
    /// <summary>Where it lives (a data directory, a namespace).</summary>
    string Location { get; }

    /// <summary>A superuser connection to it.</summary>
    string ConnectionString { get; }

    /// <summary>When the restore started.</summary>
    DateTimeOffset StartedAt { get; }

    /// <summary>When it first answered a read-write query.</summary>
    DateTimeOffset ReadWriteAt { get; }

    /// <summary>When the base backup was in place and WAL replay started; null when the target cannot tell the two apart.</summary>
    DateTimeOffset? RecoveryStartedAt => null;
}
