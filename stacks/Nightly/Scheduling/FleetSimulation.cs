namespace PgPlatform.Stacks.Nightly.Scheduling;

/// <summary>
/// Nights of the real scheduler's decisions over a fleet, in simulated time: each night computes the queue from the
/// history as <see cref="NightlyScheduler"/> does for a real run, fills <see cref="SchedulerOptions.Concurrency"/> slots with
/// what still fits before the window's end, and adds each drill's outcome (from <c>drill</c>, the fake target) to the
/// history at its end. Deterministic and fast: 1,000 databases over 60 nights is a few hundred thousand cheap steps.
/// </summary>
public static class FleetSimulation
{
    /// <summary>
    /// Simulates <paramref name="nights"/> nights starting at <paramref name="start"/> (one per day) with
    /// <paramref name="history"/> already known; <paramref name="drill"/> says how long a database's drill takes on a given
    /// night and whether it passes.
    /// </summary>
    public static SimulationResult Run(IReadOnlyList<FleetDatabase> fleet, IEnumerable<EvidenceSummary> history, SchedulerOptions options, DateTimeOffset start, int nights, Func<FleetDatabase, int, (TimeSpan Duration, bool Passed)> drill)
    {
        ArgumentNullException.ThrowIfNull(fleet);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(drill);
        options.Validate();
        var known = history.ToList();
        var breaches = new Dictionary<FleetDatabase, int>();
        int? coverage = null;
        var peak = DrillFootprint.None;
        var peakConcurrency = 0;
        var drills = 0;
        var hours = 0.0;
        for (var night = 1; night <= nights; night++)
        {
            var now = start + TimeSpan.FromDays(night - 1);
            var standings = NightlyScheduler.Standings(fleet, known, options);
            foreach (var s in standings.Where(s => !breaches.ContainsKey(s.Database)))
            {
                // A database never proven gets one objective from the start before it counts as breached.
                if (s.NeverProven ? now - start > s.Database.Objective : s.Breached(now))
                {
                    breaches[s.Database] = night;
                }
            }

            var pending = NightlyScheduler.Queue(standings, now, options).ToList();
            var windowEnd = now + options.Window;
            var slots = Enumerable.Repeat(now, options.Concurrency).ToArray();
            var running = new List<(DateTimeOffset Start, DateTimeOffset End, DrillFootprint Footprint)>();
            while (pending.Count > 0)
            {
                var slot = Array.IndexOf(slots, slots.Min());
                var index = NightlyScheduler.NextFitting(pending, slots[slot], windowEnd);
                if (index < 0)
                {
                    break;
                }

                var next = pending[index];
                pending.RemoveAt(index);
                var (duration, passed) = drill(next.Database, night);
                var began = slots[slot];
                // A drill that overruns its expectation is stopped at the window's end, as the executor does: a failure.
                var end = began + duration <= windowEnd ? began + duration : windowEnd;
                passed &= began + duration <= windowEnd;
                slots[slot] = end;
                running.Add((began, end, next.Database.Footprint));
                var overlapping = running.Where(r => r.Start <= began && r.End > began).ToList();
                peakConcurrency = Math.Max(peakConcurrency, overlapping.Count);
                peak = peak.Max(overlapping.Aggregate(DrillFootprint.None, (sum, r) => sum + r.Footprint));
                known.Add(new EvidenceSummary(next.Database.Stack, next.Database.Application, $"sim-{night}", began, (end - began).TotalSeconds, passed, null, null));
                drills++;
                hours += (end - began).TotalHours;
            }

            if (coverage is null && NightlyScheduler.Standings(fleet, known, options).All(s => !s.NeverProven))
            {
                coverage = night;
            }
        }

        return new SimulationResult(nights, coverage, [.. breaches.OrderBy(b => b.Value).ThenBy(b => b.Key.Stack, StringComparer.Ordinal).ThenBy(b => b.Key.Application, StringComparer.Ordinal).Select(b => (b.Key, b.Value))], peak, peakConcurrency, drills, hours);
    }
}
