using PgPlatform.Stacks.Drills;
using PgPlatform.Stacks.Evidence;
using PgPlatform.Stacks.Targets;
using PgPlatform.Stacks.Targets.Local;

namespace PgPlatform.Stacks.Sessions;

/// <summary>
/// The work behind <c>drill --target local</c> and <c>nightly --target local</c> (through <see cref="LocalDatabaseDrills"/>):
/// a fresh local target shaped as a declared database (or the lab self-test), the drills, the target torn down whatever happens.
/// </summary>
public static class LocalDrillSession
{
    /// <summary>
    /// Runs <paramref name="drills"/> (injecting <paramref name="fault"/>) on a fresh local target shaped as
    /// <paramref name="shape"/>; the evidence carries the shape. Throws <see cref="TargetUnavailableException"/> when the
    /// target cannot start (a missing prerequisite is named), and <see cref="OperationCanceledException"/> after tearing
    /// the target down when cancelled. The alerts drill runs <paramref name="alertRules"/> (the stack's PrometheusRules),
    /// deployed with the target; <paramref name="application"/>, when given, is the application whose schema the restore
    /// drill migrates, fills and smoke-tests, and whose declared <c>wal.maxParallel</c> the target's restores honour.
    /// </summary>
    public static async Task<RunEvidence> RunAsync(IReadOnlyList<DrillKind> drills, Fault fault, LocalTargetOptions options, LocalShape shape, DrillLog log, CancellationToken cancellationToken, AlertRules? alertRules = null, DrillApplication? application = null)
    {
        options = application?.WalMaxParallel is { } parallel ? options with { WalMaxParallel = parallel } : options;
        LocalTarget? started = null;
        var evidence = await DrillRunner.RunAsync(
            async ct =>
            {
                var target = started = await LocalTarget.StartAsync(options, shape, message => log.Write("target", message), ct);
                target.AlertRules = alertRules;
                try
                {
                    await TakeImmediateBackupAsync(target, log, ct);
                    return target;
                }
                catch
                {
                    await target.DisposeAsync();
                    throw;
                }
            },
            drills, fault, log, cancellationToken, application);
        return evidence with { Shape = started?.DescribeShape() };
    }

    /// <summary>
    /// Takes the first base backup, as the Cluster's ScheduledBackup does on Kubernetes: with <c>immediate: true</c>
    /// (components/Day2/AppDatabase.cs) CNPG creates a Backup as soon as it first reconciles the ScheduledBackup
    /// (cloudnative-pg/cloudnative-pg internal/controller/scheduledbackup_controller.go, reconcileScheduledBackup:
    /// <c>Status.LastCheckTime == nil &amp;&amp; IsImmediate()</c>), then only on schedule. Like CNPG, a failure is not
    /// retried: it is logged, and the backup drill then reports that no base backup exists.
    /// </summary>
    public static async Task TakeImmediateBackupAsync(IBackupTarget target, DrillLog log, CancellationToken cancellationToken)
    {
        try
        {
            var backup = await target.BackupAsync(cancellationToken);
            log.Write("target", $"immediate base backup {backup.Id} (as the ScheduledBackup's immediate: true takes one)");
        }
        catch (Exception e) when (e is ObjectStoreException or InvalidOperationException)
        {
            log.Write("target", $"immediate base backup FAILED (not retried, as CNPG does not): {e.Message}");
        }
    }
}
