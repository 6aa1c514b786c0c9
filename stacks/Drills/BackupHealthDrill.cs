using System.Globalization;
using PgPlatform.Stacks.Evidence;
using PgPlatform.Stacks.Postgres;
using PgPlatform.Stacks.Targets;

namespace PgPlatform.Stacks.Drills;

/// <summary>
/// Backup health: the object store answers, the newest base backup is recent, the archiver is not failing,
/// and the archive holds every WAL segment from the newest backup's first one to the latest archived one.
/// </summary>
public sealed class BackupHealthDrill : IDrill
{
    /// <summary>Oldest acceptable newest backup: a daily schedule plus slack.</summary>
    public static readonly TimeSpan MaximumBackupAge = TimeSpan.FromHours(26);

    /// <summary>Why the drill fails when the object store holds no finished base backup.</summary>
    public const string NoBaseBackupReason = "no base backup yet: the object store holds no finished base backup, so nothing can be restored (the Cluster's first, immediate backup failed or never ran, and CNPG does not retry it)";

    /// <inheritdoc />
    public DrillKind Kind => DrillKind.Backup;

    /// <inheritdoc />
    public async Task RunAsync(DrillContext context, DrillRecorder recorder, CancellationToken cancellationToken)
    {
        var target = context.Target as IBackupTarget ?? throw new NotSupportedException($"the {context.Target.Name} target has no backups");
        target.UseWrongObjectStoreCredentials = context.Fault == Fault.WrongCredentials;
        try
        {
            await InjectAsync(context.Fault, target, recorder, cancellationToken);
            IReadOnlyList<BackupInfo> backups;
            IReadOnlyList<string> archived;
            try
            {
                backups = await recorder.PhaseAsync("list base backups", () => target.ListBackupsAsync(cancellationToken));
                archived = await recorder.PhaseAsync("list WAL archive", () => target.ArchivedWalAsync(cancellationToken));
            }
            catch (ObjectStoreException e)
            {
                recorder.Fail($"object store unreachable: {e.Message}");
                return;
            }

            recorder.Pass("object store reachable");
            if (backups.Count == 0)
            {
                // Without a base backup nothing can be restored, however healthy the WAL archive looks; on Kubernetes this is
                // what a first immediate backup that failed (CNPG does not retry it) leaves until the next schedule.
                recorder.Fail(NoBaseBackupReason);
                return;
            }

            var newest = backups[^1];
            recorder.BackupId = newest.Id;
            var age = DateTimeOffset.UtcNow - newest.EndTime;
            recorder.Measure("base backups", $"{backups.Count}, newest {newest.Id}");
            recorder.Measure("newest base backup age", string.Create(CultureInfo.InvariantCulture, $"{age.TotalSeconds:F0} s"));
            recorder.Check(age <= MaximumBackupAge, $"newest base backup {newest.Id} is {age.TotalMinutes:F0} min old", $"newest base backup {newest.Id} is {age.TotalHours:F1} h old (limit {MaximumBackupAge.TotalHours:F0} h)");

            var archiver = await target.ArchiverStatusAsync(cancellationToken);
            recorder.Measure("archiver", $"last archived {archiver.LastArchivedWal ?? "none"}, last failed {archiver.LastFailedWal ?? "none"}");
            recorder.Check(!archiver.Failing, "WAL archiver is not failing", $"WAL archiver failing: {archiver.LastFailedWal} at {archiver.LastFailedAt:O}");

            var latest = WalContinuity.Latest(archived);
            if (latest is null)
            {
                recorder.Fail("the WAL archive is empty");
                return;
            }

            var missing = WalContinuity.Missing(archived, newest.BeginWal, latest);
            recorder.Measure("WAL archive", $"{archived.Count} files; {newest.BeginWal} to {latest}, {missing.Count} missing");
            recorder.Check(missing.Count == 0, $"WAL continuous from {newest.BeginWal} to {latest}", $"WAL archive has a gap: {string.Join(", ", missing.Take(5))} missing between {newest.BeginWal} and {latest}");
        }
        finally
        {
            target.UseWrongObjectStoreCredentials = false;
            if (context.Fault == Fault.ObjectStoreDown)
            {
                await target.SetObjectStoreAvailableAsync(true, CancellationToken.None);
            }
        }
    }

    private static async Task InjectAsync(Fault fault, IBackupTarget target, DrillRecorder recorder, CancellationToken cancellationToken)
    {
        if (fault == Fault.ObjectStoreDown)
        {
            await target.SetObjectStoreAvailableAsync(false, cancellationToken);
            recorder.Log("fault: object store stopped");
        }
        else if (fault == Fault.WalGap)
        {
            // Two switches after writes: the first closed segment lies after the newest backup's start and
            // before the latest archived one, so removing it is a gap continuity must see.
            await Sql.ExecuteAsync(target.SuperuserReadWriteConnectionString, "CREATE TABLE IF NOT EXISTS pg_platform_health (at timestamptz); INSERT INTO pg_platform_health VALUES (now())", cancellationToken);
            var gap = await target.SwitchWalAsync(cancellationToken);
            await Sql.ExecuteAsync(target.SuperuserReadWriteConnectionString, "INSERT INTO pg_platform_health VALUES (now())", cancellationToken);
            await target.SwitchWalAsync(cancellationToken);
            await target.RemoveArchivedWalAsync(gap, cancellationToken);
            recorder.Log($"fault: removed archived WAL {gap}");
        }
    }
}
