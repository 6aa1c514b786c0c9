using System.Globalization;
using PgPlatform.Stacks.Postgres;
using PgPlatform.Stacks.Targets;

namespace PgPlatform.Stacks.Drills;

/// <summary>
/// The restore's rates and the RTO they project to the declared storage size, against the tier's budgets. The
/// projection scales the base-backup download to a full volume and keeps the observed WAL replay and start-up: a real
/// restore brings back the whole disk, while the WAL to replay depends on writes since the last backup, not on size.
/// </summary>
internal static class RestoreFigures
{
    /// <summary>
    /// Below this data size the base-backup download is mostly process start-up (measured here: about 2 s for any small
    /// backup), so a projection from it overstates the RTO many times: it is flagged, but fails the drill only from this size.
    /// </summary>
    public const long RepresentativeBytes = 256L * 1024 * 1024;

    private const double MB = 1_000_000;

    /// <summary>Records throughput, replay rate, projected RTO and observed RPO against the budget; fails the drill when over budget (see <see cref="RepresentativeBytes"/>).</summary>
    public static async Task RecordAsync(IRestoredCluster restored, BackupInfo backup, long sourceBytes, double rpoSeconds, RecoveryBudget? budget, DrillRecorder recorder, CancellationToken cancellationToken)
    {
        var rto = (restored.ReadWriteAt - restored.StartedAt).TotalSeconds;
        if (restored.RecoveryStartedAt is not { } recoveryStarted)
        {
            recorder.Measure("restore throughput", "not measured: the target does not separate the base backup from WAL replay");
            return;
        }

        var baseSeconds = (recoveryStarted - restored.StartedAt).TotalSeconds;
        var replaySeconds = (restored.ReadWriteAt - recoveryStarted).TotalSeconds;
        var replayed = await Sql.ScalarAsync<decimal>(restored.ConnectionString, $"SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '{StartLsn(backup.BeginWal)}')", cancellationToken);
        recorder.Measure("restore throughput", Invariant($"{sourceBytes / MB / baseSeconds:F1} MB/s ({sourceBytes / MB:F1} MB of data directory in {baseSeconds:F2} s)"));
        recorder.Measure("WAL replay rate", Invariant($"{(double)replayed / MB / replaySeconds:F1} MB/s ({(double)replayed / MB:F1} MB from {backup.BeginWal} in {replaySeconds:F2} s, start-up included)"));
        if (budget is null)
        {
            recorder.Measure("RTO budget", "not applicable (no declared tier: lab self-test)");
            return;
        }

        var projected = rto + (baseSeconds * Math.Max(0, ((double)budget.DeclaredStorageBytes / sourceBytes) - 1));
        recorder.ProjectedRtoSeconds = projected;
        var over = projected > budget.Rto.TotalSeconds;
        var representative = sourceBytes >= RepresentativeBytes;
        var verdict = !over ? "within budget"
            : representative ? "OVER BUDGET"
            : Invariant($"OVER BUDGET (flagged, not failing: {sourceBytes / MB:F0} MB is too small to project from; drill with --data-size of at least {RepresentativeBytes / 1024 / 1024} MiB)");
        recorder.Measure("projected RTO", Invariant($"{projected:F0} s at the declared {budget.DeclaredStorageBytes / MB / 1000:F1} GB, budget {budget.Rto.TotalSeconds:F0} s ({budget.Tier}): {verdict}"));
        if (over && representative)
        {
            recorder.Fail(Invariant($"projected RTO {projected:F0} s at the declared storage exceeds the {budget.Tier} budget of {budget.Rto.TotalSeconds:F0} s"));
        }

        var rpoOver = rpoSeconds > budget.Rpo.TotalSeconds;
        recorder.Measure("observed RPO", Invariant($"{rpoSeconds:F3} s, budget {budget.Rpo.TotalSeconds:F0} s ({budget.Tier}): {(rpoOver ? "OVER BUDGET" : "within budget")}"));
        if (rpoOver)
        {
            recorder.Fail(Invariant($"observed RPO {rpoSeconds:F1} s exceeds the {budget.Tier} budget of {budget.Rpo.TotalSeconds:F0} s"));
        }
    }

    /// <summary>The LSN a WAL file (16 MB segments) starts at: <c>TTTTTTTTLLLLLLLLSSSSSSSS</c> is log L, segment S.</summary>
    public static string StartLsn(string walFile)
    {
        var log = Convert.ToUInt32(walFile.Substring(8, 8), 16);
        var segment = Convert.ToUInt32(walFile.Substring(16, 8), 16);
        return Invariant($"{log:X}/{(ulong)segment * 0x1000000:X}");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
