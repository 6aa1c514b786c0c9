using System.Globalization;
using Npgsql;
using PgPlatform.Stacks.Evidence;
using PgPlatform.Stacks.Postgres;
using PgPlatform.Stacks.Targets;
using PgPlatform.Stacks.Waits;

namespace PgPlatform.Stacks.Drills;

/// <summary>
/// Restore: base backup, more writes in two archived WAL segments, then a restore of everything and a
/// point-in-time restore between the two batches, each compared row by row (count, last id, checksum) with
/// the source. PostgreSQL ends a recovery that ran out of WAL "successfully"; the comparison is the verdict.
/// </summary>
public sealed class RestoreDrill : IDrill
{
    private const string Table = "restore_rows";
    private const int RowsPerBatch = 20;

    /// <inheritdoc />
    public DrillKind Kind => DrillKind.Restore;

    /// <inheritdoc />
    public async Task RunAsync(DrillContext context, DrillRecorder recorder, CancellationToken cancellationToken)
    {
        var target = context.Target as IBackupTarget ?? throw new NotSupportedException($"the {context.Target.Name} target has no backups");
        var app = target.ReadWriteConnectionString;
        var application = context.Application;
        recorder.ApplicationMigration = application is null ? $"not applicable ({target.Name} target, no application declared)" : null;
        await DrillTable.CreateAsync(app, Table, cancellationToken);
        if (application is not null && !await PrepareApplicationAsync(target, application, recorder, cancellationToken))
        {
            return;
        }

        target.UseWrongObjectStoreCredentials = context.Fault == Fault.WrongCredentials;
        try
        {
            var sourceBytes = await Sql.ScalarAsync<long>(target.SuperuserReadWriteConnectionString, "SELECT sum(pg_database_size(oid))::bigint FROM pg_database", cancellationToken);
            var backup = await recorder.PhaseAsync("base backup", () => target.BackupAsync(cancellationToken));
            recorder.BackupId = backup.Id;
            if (await target.BackupSizeAsync(backup.Id, cancellationToken) is { } backupBytes)
            {
                recorder.Measure("backup size", string.Create(CultureInfo.InvariantCulture, $"{backupBytes / 1e6:F1} MB in the object store ({sourceBytes / 1e6:F1} MB of databases)"));
            }

            var (lastBeforeTarget, firstSegment) = await recorder.PhaseAsync("writes after the backup (batch 1) and WAL switch", () => WriteBatchAsync(target, app, cancellationToken));
            var pointInTime = new DateTimeOffset(DateTime.SpecifyKind(await Sql.ScalarAsync<DateTime>(app, "SELECT clock_timestamp()", cancellationToken), DateTimeKind.Utc));
            // Commits of batch 2 must be clearly after the recovery target, whatever the clock resolution.
            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
            await recorder.PhaseAsync("writes after the recovery target (batch 2) and WAL switch", () => WriteBatchAsync(target, app, cancellationToken));
            var source = await DrillTable.SnapshotAsync(app, Table, null, cancellationToken);
            var sourceAtTarget = await DrillTable.SnapshotAsync(app, Table, lastBeforeTarget, cancellationToken);
            recorder.Measure("source", $"{source.Rows} rows up to id {source.LastId}, checksum {source.Checksum}");

            if (context.Fault == Fault.WalGap)
            {
                await target.RemoveArchivedWalAsync(firstSegment, cancellationToken);
                recorder.Log($"fault: removed archived WAL {firstSegment}");
            }

            Func<CancellationToken, Task>? beforeRecovery = context.Fault == Fault.ObjectStoreDown
                ? async ct =>
                {
                    await target.SetObjectStoreAvailableAsync(false, ct);
                    recorder.Log("fault: object store stopped before recovery");
                }
            : null;

            Func<IRestoredCluster, RestoreComparison, Task> onLatest = async (restored, comparison) =>
            {
                await RestoreFigures.RecordAsync(restored, backup, sourceBytes, comparison.RpoSeconds, application?.Budget, recorder, cancellationToken);
                if (application is not null)
                {
                    await ApplicationRestoreSteps.CheckRestoredAsync(application, ApplicationRestoreSteps.RestoredOwner(restored.ConnectionString, app), recorder, cancellationToken);
                }
            };
            var latest = await RestoreAndCompareAsync(target, recorder, new RestoreRequest(Unique("latest"), backup.Id, null, beforeRecovery), source, "latest", cancellationToken, onLatest);
            if (latest is null || recorder.HasFailed)
            {
                // The drill has failed already; a second restore from the same broken archive adds time, not evidence.
                recorder.Measure("point-in-time restore", "not attempted: the restore of the latest state failed");
                if (latest is { } failed)
                {
                    recorder.RtoSeconds = failed.Rto;
                    recorder.RpoRows = failed.Comparison.RpoRows;
                    recorder.RpoSeconds = failed.Comparison.RpoSeconds;
                }

                return;
            }

            recorder.RtoSeconds = latest.Value.Rto;
            recorder.RpoRows = latest.Value.Comparison.RpoRows;
            recorder.RpoSeconds = latest.Value.Comparison.RpoSeconds;
            recorder.Measure("point-in-time target", pointInTime.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.ffffff 'UTC'", CultureInfo.InvariantCulture));
            await RestoreAndCompareAsync(target, recorder, new RestoreRequest(Unique("pitr"), backup.Id, pointInTime), sourceAtTarget, "point-in-time", cancellationToken);
        }
        catch (ObjectStoreException e)
        {
            recorder.Fail(e.Message);
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

    private static async Task<(long LastId, string Segment)> WriteBatchAsync(IBackupTarget target, string app, CancellationToken cancellationToken)
    {
        long last = 0;
        for (var i = 0; i < RowsPerBatch; i++)
        {
            last = await DrillTable.InsertAsync(app, Table, cancellationToken);
        }

        return (last, await target.SwitchWalAsync(cancellationToken));
    }

    /// <summary>Migrates and seeds the source through the application's schema, then measures how far the archive lags behind that write load.</summary>
    private static async Task<bool> PrepareApplicationAsync(IBackupTarget target, DrillApplication application, DrillRecorder recorder, CancellationToken cancellationToken)
    {
        if (!await ApplicationRestoreSteps.PrepareSourceAsync(application, target.ReadWriteConnectionString, recorder, cancellationToken))
        {
            return false;
        }

        // The archive's lag at the end of the write load: segments written but not archived yet, and how long the archive takes to catch up.
        var current = await Sql.ScalarAsync<string>(target.SuperuserReadWriteConnectionString, "SELECT pg_walfile_name(pg_current_wal_lsn())", cancellationToken);
        // The backlog itself, not "current minus last archived": after a failover the last archived file may be a
        // timeline history file, and before the first archive there is none (pg_ls_archive_statusdir, PostgreSQL 12+).
        var behind = await Sql.ScalarAsync<long>(target.SuperuserReadWriteConnectionString,
            "SELECT count(*) FROM pg_ls_archive_statusdir() WHERE name ~ '^[0-9A-F]{24}[.]ready$'", cancellationToken);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        // Catching up may take longer than a WAL switch may wait (under load each barman-cloud-wal-archive is slow), and
        // that time is the measurement: wait for the completed segments first, then switch.
        await Waiting.UntilAsync("the WAL archive to catch up with the write load", TimeSpan.FromMinutes(5), async ct =>
            (await target.ArchiverStatusAsync(ct)).LastArchivedWal is { Length: >= 24 } last && SegmentNumber(last[..24]) >= SegmentNumber(current) - 1,
            cancellationToken, TimeSpan.FromMilliseconds(500));
        await target.SwitchWalAsync(cancellationToken);
        recorder.Measure("archive lag", string.Create(CultureInfo.InvariantCulture,
            $"{behind} segment(s) behind at the end of the write load; caught up in {clock.Elapsed.TotalSeconds:F1} s; WAL archived and restored {application.WalMaxParallel ?? 1} file(s) at a time ({(application.WalMaxParallel is null ? "wal.maxParallel not declared" : "the declared wal.maxParallel")})"));
        return true;
    }

    private static async Task<(double Rto, RestoreComparison Comparison)?> RestoreAndCompareAsync(IBackupTarget target, DrillRecorder recorder, RestoreRequest request, TableSnapshot expected, string label, CancellationToken cancellationToken, Func<IRestoredCluster, RestoreComparison, Task>? andThen = null)
    {
        IRestoredCluster restored;
        try
        {
            restored = await recorder.PhaseAsync($"restore {label}", () => target.RestoreAsync(request, cancellationToken));
        }
        catch (RestoreFailedException e)
        {
            recorder.Fail($"{label} restore: {e.Message}");
            return null;
        }

        await using (restored)
        {
            var rto = (restored.ReadWriteAt - restored.StartedAt).TotalSeconds;
            if (label == "latest")
            {
                recorder.RestoreNamespace = restored.Location;
                recorder.RestoreStartedAt = restored.StartedAt;
            }

            var actual = await ReadRestoredAsync(restored.ConnectionString, new NpgsqlConnectionStringBuilder(target.ReadWriteConnectionString).Database!, cancellationToken);
            var comparison = RestoreComparison.Compare(expected, actual);
            recorder.Measure($"{label} restore", string.Create(CultureInfo.InvariantCulture,
                $"{actual.Rows} rows up to id {actual.LastId}, checksum {actual.Checksum}; RTO {rto:F2} s; RPO {comparison.RpoRows} rows, {comparison.RpoSeconds:F3} s"));
            foreach (var failure in comparison.Failures)
            {
                recorder.Fail($"{label} restore: {failure}");
            }

            if (comparison.Failures.Count == 0)
            {
                recorder.Pass(string.Create(CultureInfo.InvariantCulture, $"{label} restore holds the expected {expected.Rows} rows (checksum matches) after {rto:F2} s"));
            }

            if (andThen is not null)
            {
                await andThen(restored, comparison);
            }

            return (rto, comparison);
        }
    }

    /// <summary>The drill table on the restored cluster; an absent table (recovery stopped before it existed) reads as empty.</summary>
    private static async Task<TableSnapshot> ReadRestoredAsync(string superuser, string database, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnectionStringBuilder(superuser) { Database = database }.ConnectionString;
        try
        {
            return await DrillTable.SnapshotAsync(connection, Table, null, cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.UndefinedTable or PostgresErrorCodes.InvalidCatalogName)
        {
            return new TableSnapshot(0, 0, null, "");
        }
    }

    /// <summary>The segment's position in the WAL stream (16 MB segments: 256 per log file).</summary>
    private static long SegmentNumber(string walFile) => (Convert.ToInt64(walFile.Substring(8, 8), 16) * 256) + Convert.ToInt64(walFile.Substring(16, 8), 16);

    private static string Unique(string name) => $"{name}-{Guid.NewGuid().ToString("N")[..6]}";
}
