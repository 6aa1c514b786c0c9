namespace PgPlatform.Stacks.Targets;

/// <summary>A target whose primary a drill can kill.</summary>
public interface IFailoverTarget : IDrillTarget
{
    /// <summary>Kills <paramref name="primary"/> the way <paramref name="kill"/> says, without waiting for anything.</summary>
    Task KillAsync(ClusterMember primary, PrimaryKill kill, CancellationToken cancellationToken);
}
