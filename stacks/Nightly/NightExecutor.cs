using PgPlatform.Stacks.Nightly.Scheduling;

namespace PgPlatform.Stacks.Nightly;

/// <summary>
/// Runs a night's queue under its bounds: at most <see cref="SchedulerOptions.Concurrency"/> databases at once, each
/// started only when its expected duration still fits before the window's end (<see cref="NightlyScheduler.NextFitting"/>),
/// and every drill still running at the window's end cancelled, which tears its target down (an ephemeral stack, or a
/// local target with its processes and run directory). The clock is a <see cref="TimeProvider"/>, so tests move time by hand.
/// </summary>
public sealed class NightExecutor(SchedulerOptions options, TimeProvider time)
{
    /// <summary>The reason recorded for a drill stopped by the window.</summary>
    public const string StoppedAtWindowEnd = "stopped at the nightly window's end; its target was torn down";

    /// <summary>
    /// Runs <paramref name="queue"/> (most urgent first) with <paramref name="drill"/>, which must tear down what it
    /// stood up when its token is cancelled. Cancelling <paramref name="cancellationToken"/> stops everything and
    /// propagates; the window's end stops running drills and returns them as failures (<see cref="StoppedAtWindowEnd"/>).
    /// </summary>
    public async Task<NightOutcome> RunAsync(IReadOnlyList<DatabaseStanding> queue, Func<DatabaseStanding, CancellationToken, Task<ApplicationRun>> drill, Action<string> log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(drill);
        ArgumentNullException.ThrowIfNull(log);
        options.Validate();
        var windowEnd = time.GetUtcNow() + options.Window;
        using var window = new CancellationTokenSource(options.Window, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(window.Token, cancellationToken);
        var pending = queue.ToList();
        var running = new Dictionary<Task<ApplicationRun>, DatabaseStanding>();
        var runs = new List<ApplicationRun>();
        while (true)
        {
            while (running.Count < options.Concurrency && !linked.IsCancellationRequested)
            {
                var index = NightlyScheduler.NextFitting(pending, time.GetUtcNow(), windowEnd);
                if (index < 0)
                {
                    break;
                }

                var next = pending[index];
                pending.RemoveAt(index);
                log($"{next.Database.Application}: starting (expected {next.ExpectedDuration.TotalMinutes:F0} min{(next.DurationMeasured ? "" : ", never measured")}; {running.Count + 1} of {options.Concurrency} slots)");
                running.Add(RunOneAsync(next, drill, window.Token, cancellationToken, linked.Token), next);
            }

            if (running.Count == 0)
            {
                break;
            }

            var done = await Task.WhenAny(running.Keys);
            running.Remove(done);
            try
            {
                runs.Add(await done);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Interrupted: every other drill is tearing down on the same token; wait for them before propagating.
                await Task.WhenAll(running.Keys.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));
                throw;
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        foreach (var deferred in pending)
        {
            log($"{deferred.Database.Application}: deferred (expected {deferred.ExpectedDuration.TotalMinutes:F0} min no longer fits the window)");
        }

        return new NightOutcome(runs, pending, windowEnd, window.IsCancellationRequested && runs.Any(r => r.Error == StoppedAtWindowEnd));
    }

    private async Task<ApplicationRun> RunOneAsync(DatabaseStanding standing, Func<DatabaseStanding, CancellationToken, Task<ApplicationRun>> drill, CancellationToken window, CancellationToken interrupt, CancellationToken token)
    {
        // Off the caller's context: the loop above keeps starting slots while this one stands its stack up.
        await Task.Yield();
        var startedAt = time.GetUtcNow();
        ApplicationRun run;
        try
        {
            run = await drill(standing, token);
        }
        catch (OperationCanceledException) when (window.IsCancellationRequested && !interrupt.IsCancellationRequested)
        {
            run = new ApplicationRun(standing.Database.Application, null, StoppedAtWindowEnd);
        }

        return run with { StartedAt = run.StartedAt ?? startedAt, DurationSeconds = (time.GetUtcNow() - startedAt).TotalSeconds };
    }
}
