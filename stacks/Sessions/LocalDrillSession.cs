using PgPlatform.Stacks.Drills;
using PgPlatform.Stacks.Evidence;
using PgPlatform.Stacks.Targets;
using PgPlatform.Stacks.Targets.Local;

namespace PgPlatform.Stacks.Sessions;

/// <summary>The work behind <c>drill --target local</c>: a fresh local target, the drills, the target torn down whatever happens.</summary>
public static class LocalDrillSession
{
    /// <summary>
    /// Runs <paramref name="drills"/> (injecting <paramref name="fault"/>) on a fresh local target. Throws
    /// <see cref="TargetUnavailableException"/> when the target cannot start (a missing prerequisite is named),
    /// and <see cref="OperationCanceledException"/> after tearing the target down when cancelled.
    /// <paramref name="application"/>, when given, is the application whose schema the restore drill migrates, fills and smoke-tests.
    /// </summary>
    public static Task<RunEvidence> RunAsync(IReadOnlyList<DrillKind> drills, Fault fault, LocalTargetOptions options, DrillLog log, CancellationToken cancellationToken, DrillApplication? application = null) =>
        DrillRunner.RunAsync(
            async ct => await LocalTarget.StartAsync(options, message => log.Write("target", message), ct),
            drills, fault, log, cancellationToken, application);
}
