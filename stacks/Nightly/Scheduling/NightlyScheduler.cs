namespace PgPlatform.Stacks.Nightly.Scheduling;

/// <summary>
/// Which databases a night drills, in which order, and what fits in its window. Pure: the time is an argument, the
/// history comes in as data, so the same decisions replay in tests and in the <c>--plan</c> simulation.
/// </summary>
public static class NightlyScheduler
{
    /// <summary>Each database of <paramref name="fleet"/> against its history (any order, other databases' records ignored).</summary>
    public static IReadOnlyList<DatabaseStanding> Standings(IReadOnlyList<FleetDatabase> fleet, IEnumerable<EvidenceSummary> history, SchedulerOptions options)
    {
        ArgumentNullException.ThrowIfNull(fleet);
        ArgumentNullException.ThrowIfNull(options);
        var byDatabase = history.GroupBy(e => (e.Stack, e.Application)).ToDictionary(g => g.Key, g => g.OrderBy(e => e.StartedAt).ThenBy(e => e.RunId, StringComparer.Ordinal).ToList());
        return [.. fleet.Select(db => Standing(db, byDatabase.GetValueOrDefault((db.Stack, db.Application)) ?? [], options))];
    }

    /// <summary>The standing of <paramref name="database"/> with <paramref name="history"/> (oldest first).</summary>
    public static DatabaseStanding Standing(FleetDatabase database, IReadOnlyList<EvidenceSummary> history, SchedulerOptions options)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(options);
        // The largest of the latest few measurements: planning with a lucky short run would start drills the window cannot finish.
        var measured = history.Where(e => e.Measured).TakeLast(options.DurationSamples).Select(e => e.DurationSeconds).ToList();
        var expected = measured.Count > 0 ? TimeSpan.FromSeconds(measured.Max()) : options.DefaultDrillDuration;
        return new DatabaseStanding(database, history.LastOrDefault(e => e.Passed), history.Count > 0 ? history[^1] : null, expected, measured.Count > 0, history);
    }

    /// <summary>
    /// The databases due at <paramref name="now"/>, most urgent first: those whose last drill failed (recovery known
    /// broken), then those never proven, then by how soon their evidence outlives its objective (already stale first),
    /// ties by stack and application so the order is stable. Databases with fresh evidence are left out.
    /// </summary>
    public static IReadOnlyList<DatabaseStanding> Queue(IEnumerable<DatabaseStanding> standings, DateTimeOffset now, SchedulerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return
        [
            .. standings.Where(s => s.Due(now, options.DueFraction))
                .OrderBy(s => s.LastFailed ? 0 : s.NeverProven ? 1 : 2)
                .ThenBy(s => s.StaleAt ?? DateTimeOffset.MinValue)
                .ThenBy(s => s.Database.Stack, StringComparer.Ordinal)
                .ThenBy(s => s.Database.Application, StringComparer.Ordinal),
        ];
    }

    /// <summary>
    /// Index in <paramref name="queue"/> of the first database whose expected duration still fits between
    /// <paramref name="now"/> and <paramref name="windowEnd"/>; -1 when none does. A long drill that no longer fits
    /// lets a shorter, less urgent one use the slot rather than leave it idle.
    /// </summary>
    public static int NextFitting(IReadOnlyList<DatabaseStanding> queue, DateTimeOffset now, DateTimeOffset windowEnd)
    {
        ArgumentNullException.ThrowIfNull(queue);
        for (var i = 0; i < queue.Count; i++)
        {
            if (now + queue[i].ExpectedDuration <= windowEnd)
            {
                return i;
            }
        }

        return -1;
    }
}
