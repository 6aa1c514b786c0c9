using PgPlatform.Stacks.Postgres;
using PgPlatform.Stacks.Targets;

namespace PgPlatform.Stacks.Drills;

/// <summary>
/// The faults of the alerts drill, each with the declared alert that must be delivered. The alerts are chosen for
/// the shortest declared <c>for</c> that covers the fault; their <c>for</c> is never shortened, so the drill lasts
/// as long as the longest one (10 min) plus the delivery margin.
/// </summary>
public static class AlertFaults
{
    /// <summary>The primary's postmaster is killed; the failover is an event a human should see (<c>for: 0m</c>).</summary>
    public static readonly AlertFault PrimaryKilled = new("primary-killed", "PgFailoverHappened", 1, async (c, ct) =>
    {
        await c.Target.KillAsync(c.Primary, PrimaryKill.Postmaster, ct);
        c.Log($"killed the postmaster of primary {c.Primary.Name}");
        return null;
    });

    /// <summary>A scheduled backup runs with credentials the object store refuses, and fails.</summary>
    public static readonly AlertFault BackupFailing = new("backup-failing", "PgObjectStoreBackupFailing", 2, async (c, ct) =>
    {
        c.Target.UseWrongObjectStoreCredentials = true;
        try
        {
            var succeeded = await c.Monitoring.RunScheduledBackupAsync(ct);
            c.Log(succeeded ? "the backup with refused credentials succeeded (the fault did not take)" : "a scheduled backup failed: the object store refused its credentials");
        }
        finally
        {
            c.Target.UseWrongObjectStoreCredentials = false;
        }

        return null;
    });

    /// <summary>The object store stops; a WAL switch makes the primary's archive_command fail from then on.</summary>
    public static readonly AlertFault ObjectStoreDown = new("object-store-down", "PgWalArchivingFailing", 2, async (c, ct) =>
    {
        await c.Target.SetObjectStoreAvailableAsync(false, ct);
        await Sql.ExecuteAsync(c.Target.SuperuserReadWriteConnectionString, "CREATE TABLE IF NOT EXISTS pg_platform_health (at timestamptz); INSERT INTO pg_platform_health VALUES (now()); SELECT pg_switch_wal()", ct);
        c.Log($"object store stopped; switched WAL on {c.Primary.Name} so archiving fails");
        return c.Monitoring.PodOf(c.Primary);
    });

    /// <summary>A replica is stopped (agent and PostgreSQL): the primary streams to one standby of the two declared.</summary>
    public static readonly AlertFault ReplicaStopped = new("replica-stopped", "PgHaDegraded", 2, async (c, ct) =>
    {
        await c.Target.StopMemberAsync(c.Replicas[0], ct);
        c.Log($"stopped replica {c.Replicas[0].Name}");
        return null;
    });

    /// <summary>The exporter of the other replica stops: that instance keeps running but exports nothing.</summary>
    public static readonly AlertFault MetricsGone = new("instance-metrics-gone", "PgInstanceMetricsAbsent", 2, (c, _) =>
    {
        c.Monitoring.StopExporter(c.Replicas[^1]);
        c.Log($"stopped the metrics exporter of {c.Replicas[^1].Name}");
        return Task.FromResult<string?>(null);
    });

    /// <summary>Every fault, in injection order: the failover alone first, then the rest together on the healed cluster.</summary>
    public static IReadOnlyList<AlertFault> All { get; } = [PrimaryKilled, BackupFailing, ObjectStoreDown, ReplicaStopped, MetricsGone];
}
