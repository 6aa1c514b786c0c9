namespace PgPlatform.Stacks.Evidence;

/// <summary>
/// The numbers of a failover drill, computed from what the writer recorded and what every member holds:
/// no I/O here, so each rule is unit-tested on recorded samples.
/// </summary>
public sealed record FailoverMetrics
{
    /// <summary>Kill to the first moment another member accepted writes; null if none did.</summary>
    public double? PromotionSeconds { get; init; }

    /// <summary>Last acknowledged write before the kill to the first one after it; null if writes never resumed.</summary>
    public double? WriteGapSeconds { get; init; }

    /// <summary>Write attempts that failed.</summary>
    public int FailedAttempts { get; init; }

    /// <summary>Writes the database acknowledged.</summary>
    public int AcknowledgedWrites { get; init; }

    /// <summary>Acknowledged writes after the kill.</summary>
    public int AcknowledgedAfterKill { get; init; }

    /// <summary>Acknowledged rows missing from a member that accepts writes now: each one is a lost commit.</summary>
    public IReadOnlyList<long> LostRows { get; init; } = [];

    /// <summary>Members that accept writes at the end (more than one is a split brain).</summary>
    public IReadOnlyList<string> WritableMembers { get; init; } = [];

    /// <summary>
    /// Computes the metrics. <paramref name="rowsByMember"/> holds the row ids read directly from each
    /// reachable member; <paramref name="writableMembers"/> are those that accept writes now. A row is lost
    /// when it was acknowledged and any writable member lacks it: whichever one the endpoint lands on next,
    /// that commit is gone.
    /// </summary>
    public static FailoverMetrics Compute(
        IReadOnlyList<WriteAttempt> attempts,
        DateTimeOffset killedAt,
        DateTimeOffset? promotedAt,
        IReadOnlyDictionary<string, IReadOnlySet<long>> rowsByMember,
        IReadOnlyList<string> writableMembers)
    {
        var acknowledged = attempts.Where(a => a.Acknowledged).ToList();
        var lastBefore = acknowledged.Where(a => a.FinishedAt <= killedAt).Select(a => (DateTimeOffset?)a.FinishedAt).Max();
        var firstAfter = acknowledged.Where(a => a.FinishedAt > killedAt).Select(a => (DateTimeOffset?)a.FinishedAt).Min();
        var lost = new SortedSet<long>();
        foreach (var member in writableMembers)
        {
            var rows = rowsByMember.GetValueOrDefault(member) ?? new HashSet<long>();
            lost.UnionWith(acknowledged.Select(a => a.RowId!.Value).Where(id => !rows.Contains(id)));
        }

        return new FailoverMetrics
        {
            PromotionSeconds = promotedAt is { } promoted ? Math.Max(0, (promoted - killedAt).TotalSeconds) : null,
            WriteGapSeconds = lastBefore is { } before && firstAfter is { } after ? (after - before).TotalSeconds : null,
            FailedAttempts = attempts.Count(a => !a.Acknowledged),
            AcknowledgedWrites = acknowledged.Count,
            AcknowledgedAfterKill = acknowledged.Count(a => a.FinishedAt > killedAt),
            LostRows = [.. lost],
            WritableMembers = [.. writableMembers],
        };
    }

    /// <summary>
    /// Every reason the failover failed; empty when it passed. With <paramref name="lossAllowed"/> (declared asynchronous
    /// replication) lost acknowledged rows are the declared risk, reported in the measurements rather than failed.
    /// </summary>
    public IReadOnlyList<string> Failures(bool lossAllowed = false)
    {
        var failures = new List<string>();
        if (PromotionSeconds is null)
        {
            failures.Add("no other member was promoted");
        }

        if (WritableMembers.Count == 0)
        {
            failures.Add("no member accepts writes at the end");
        }
        else if (WritableMembers.Count > 1)
        {
            failures.Add($"split brain: {string.Join(" and ", WritableMembers)} all accept writes");
        }

        if (AcknowledgedAfterKill == 0)
        {
            failures.Add("writes never resumed through the read-write endpoint");
        }

        if (LostRows.Count > 0 && !lossAllowed)
        {
            failures.Add($"{LostRows.Count} acknowledged row(s) lost (ids {string.Join(", ", LostRows.Take(10))}{(LostRows.Count > 10 ? ", ..." : "")})");
        }

        return failures;
    }
}
