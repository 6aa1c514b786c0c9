using System.Globalization;
using Npgsql;
using PgPlatform.Stacks.Evidence;
using PgPlatform.Stacks.Waits;
using PgPlatform.Stacks.Targets;

namespace PgPlatform.Stacks.Drills;

/// <summary>
/// Failover: a writer commits a row every 100 ms through the read-write endpoint; the primary is killed
/// (its postmaster, or with <c>kill-patroni</c> its Patroni); the drill measures promotion time, write gap and
/// failed writes, and counts acknowledged rows lost by reading every member directly. Lost rows are judged
/// against the declared replication (<see cref="TargetFacts.Replication"/>): synchronous replication may lose
/// none, asynchronous replication may lose what the standby had not received, which is reported, not failed.
/// A cluster of one instance has nothing to fail over to: the drill does not apply.
/// </summary>
public sealed class FailoverDrill : IDrill
{
    private const string Table = "failover_rows";

    /// <summary>Writes between commits.</summary>
    public static readonly TimeSpan WriteInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>Longest wait for another member to accept writes.</summary>
    public static readonly TimeSpan PromotionTimeout = TimeSpan.FromSeconds(60);

    /// <inheritdoc />
    public DrillKind Kind => DrillKind.Failover;

    /// <inheritdoc />
    public async Task RunAsync(DrillContext context, DrillRecorder recorder, CancellationToken cancellationToken)
    {
        var target = context.Target as IFailoverTarget ?? throw new NotSupportedException($"the {context.Target.Name} target cannot kill its primary");
        if (target.Members.Count < 2)
        {
            recorder.NotApplicable($"{target.Members.Count} instance{(target.Members.Count == 1 ? "" : "s")} (tier {target.Facts.Tier ?? "unknown"})");
            return;
        }

        var lossAllowed = target.Facts.Replication is { IsSynchronous: false };
        var kill = context.Fault == Fault.KillPatroni ? PrimaryKill.Agent : PrimaryKill.Postmaster;
        var database = new NpgsqlConnectionStringBuilder(target.ReadWriteConnectionString).Database!;
        await DrillTable.CreateAsync(target.ReadWriteConnectionString, Table, cancellationToken);

        var before = await MemberProbe.WritableAsync(target.Members, cancellationToken);
        if (!recorder.Check(before.Count == 1, $"one primary before the kill ({string.Join(", ", before)})", $"expected one writable member before the kill, found {before.Count}"))
        {
            return;
        }

        var primary = target.Members.Single(m => m.Name == before[0]);
        await using var writer = ContinuousWriter.Start(target.ReadWriteConnectionString, Table, WriteInterval, TimeSpan.FromMinutes(3));
        await recorder.PhaseAsync("writes before the kill", () => Waiting.UntilAsync("10 acknowledged writes", TimeSpan.FromSeconds(30),
            _ => Task.FromResult(writer.Attempts.Count(a => a.Acknowledged) >= 10), cancellationToken));

        var killedAt = DateTimeOffset.UtcNow;
        await target.KillAsync(primary, kill, cancellationToken);
        recorder.Log($"killed the {(kill == PrimaryKill.Agent ? "Patroni agent" : "postmaster")} of primary {primary.Name}");

        DateTimeOffset? promotedAt = null;
        var others = target.Members.Where(m => m.Name != primary.Name).ToList();
        try
        {
            await recorder.PhaseAsync("promotion", () => Waiting.UntilAsync("another member to accept writes", PromotionTimeout, async ct =>
            {
                if ((await MemberProbe.WritableAsync(others, ct)).Count > 0)
                {
                    promotedAt = DateTimeOffset.UtcNow;
                }

                return promotedAt is not null;
            }, cancellationToken));
            // A split brain does not heal by itself (nothing manages the orphaned primary): seeing it ends the wait.
            await recorder.PhaseAsync("writes after promotion", () => Waiting.UntilAsync("10 acknowledged writes after promotion", TimeSpan.FromSeconds(20),
                async ct => writer.Attempts.Count(a => a.Acknowledged && a.FinishedAt > promotedAt) >= 10 || (await MemberProbe.WritableAsync(target.Members, ct)).Count > 1,
                cancellationToken, TimeSpan.FromMilliseconds(250)));
        }
        catch (TimeoutException e)
        {
            recorder.Fail(e.Message);
        }

        var attempts = await writer.StopAsync();
        var acknowledged = attempts.Where(a => a.Acknowledged).Select(a => a.RowId!.Value).ToHashSet();
        IReadOnlyList<string> writable = [];
        IReadOnlyDictionary<string, IReadOnlySet<long>> rows = new Dictionary<string, IReadOnlySet<long>>();
        try
        {
            // Wait (briefly) for exactly one writable member that holds every acknowledged row; what is
            // still wrong after that is the finding.
            await recorder.PhaseAsync("verify every member", () => Waiting.UntilAsync("one writable member holding every acknowledged row", TimeSpan.FromSeconds(5), async ct =>
            {
                writable = await MemberProbe.WritableAsync(target.Members, ct);
                rows = await MemberProbe.RowsAsync(target.Members, database, Table, ct);
                return writable.Count > 1 || (writable.Count == 1 && rows.TryGetValue(writable[0], out var held) && acknowledged.IsSubsetOf(held));
            }, cancellationToken));
        }
        catch (TimeoutException)
        {
            // Reported below from the last reading.
        }

        var metrics = FailoverMetrics.Compute(attempts, killedAt, promotedAt, rows, writable);
        Report(recorder, metrics, rows, acknowledged, attempts, target.Members);
        foreach (var failure in metrics.Failures(lossAllowed))
        {
            recorder.Fail(failure);
        }

        if (!recorder.HasFailed)
        {
            var judgement = lossAllowed
                ? $"declared {target.Facts.Replication!.Name} replication permits losing what the standby had not received"
                : $"declared {target.Facts.Replication?.Name ?? "durability"}: none may be lost";
            recorder.Pass(string.Create(CultureInfo.InvariantCulture,
                $"{writable[0]} promoted in {metrics.PromotionSeconds:F2} s, write gap {metrics.WriteGapSeconds:F2} s, {metrics.LostRows.Count} of {metrics.AcknowledgedWrites} acknowledged rows lost ({judgement})"));
        }
    }

    private static void Report(DrillRecorder recorder, FailoverMetrics metrics, IReadOnlyDictionary<string, IReadOnlySet<long>> rows, HashSet<long> acknowledged, IReadOnlyList<WriteAttempt> attempts, IReadOnlyList<ClusterMember> members)
    {
        recorder.Measure("promotion time", metrics.PromotionSeconds is { } p ? Seconds(p) : "never");
        recorder.Measure("write gap", metrics.WriteGapSeconds is { } g ? Seconds(g) : "writes never resumed");
        recorder.Measure("write attempts", $"{metrics.AcknowledgedWrites + metrics.FailedAttempts} ({metrics.AcknowledgedWrites} acknowledged, {metrics.FailedAttempts} failed)");
        recorder.Measure("acknowledged rows lost", $"{metrics.LostRows.Count}");
        // Which member acknowledged each write through the one read-write address (the server's own port, from the writer).
        recorder.Measure("acknowledged rows per member", string.Join(", ", members.Select(m =>
            $"{m.Name} {attempts.Count(a => a.Acknowledged && a.Member == $"port {new NpgsqlConnectionStringBuilder(m.ConnectionString).Port}")}")));
        recorder.Measure("writable members at the end", metrics.WritableMembers.Count == 0 ? "none" : string.Join(", ", metrics.WritableMembers));
        foreach (var member in members)
        {
            recorder.Measure($"member {member.Name}", rows.TryGetValue(member.Name, out var held)
                ? $"{held.Count} rows, {acknowledged.Count(id => !held.Contains(id))} acknowledged rows missing"
                : "unreachable");
        }
    }

    private static string Seconds(double seconds) => string.Create(CultureInfo.InvariantCulture, $"{seconds:F2} s");
}
