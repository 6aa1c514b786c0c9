using Microsoft.Extensions.Time.Testing;
using PgPlatform.Stacks.Evidence;
using PgPlatform.Stacks.Nightly;
using PgPlatform.Stacks.Nightly.Scheduling;
using static PgPlatform.Stacks.Tests.Nightly.Scheduling.SchedulingSamples;

namespace PgPlatform.Stacks.Tests.Nightly.Scheduling;

public sealed class NightExecutorTests
{
    private readonly FakeTimeProvider _time = new(Now);
    private readonly object _gate = new();
    private readonly List<string> _events = [];
    private int _running;
    private int _peak;

    [Fact]
    public async Task AtMostTheBoundRunsAtOnceAndEveryDatabaseFinishes()
    {
        var options = new SchedulerOptions { Concurrency = 2, Window = TimeSpan.FromHours(6) };
        var queue = Queue(options, "a", "b", "c", "d", "e");
        var releases = queue.ToDictionary(s => s.Database.Application, _ => new TaskCompletionSource());

        var night = new NightExecutor(options, _time).RunAsync(queue, (s, ct) => Drill(s, releases[s.Database.Application].Task, ct), _ => { }, CancellationToken.None);
        foreach (var app in new[] { "a", "b", "c", "d", "e" })
        {
            await WaitUntil(() => _events.Contains($"start {app}"));
            _time.Advance(TimeSpan.FromMinutes(10));
            releases[app].SetResult();
        }

        var outcome = await night;

        Assert.Equal(2, _peak);
        Assert.Equal(["a", "b", "c", "d", "e"], outcome.Runs.Select(r => r.Application).Order(StringComparer.Ordinal));
        Assert.All(outcome.Runs, r => Assert.True(r.Passed));
        Assert.Empty(outcome.Deferred);
        Assert.False(outcome.StoppedAtWindowEnd);
    }

    [Fact]
    public async Task TheWindowsEndStopsRunningDrillsWhichTearDownAndDefersWhatCouldNotStart()
    {
        // Four never-measured databases (45 min expected) in a 60 min window, two slots: two start, the other two
        // would not fit once the first slot frees, and the running ones are cancelled at the end.
        var options = new SchedulerOptions { Concurrency = 2, Window = TimeSpan.FromMinutes(60) };
        var queue = Queue(options, "a", "b", "c", "d");
        var tornDown = new List<string>();

        var night = new NightExecutor(options, _time).RunAsync(queue, async (s, ct) =>
        {
            try
            {
                return await Drill(s, Task.Delay(Timeout.Infinite, ct), ct);
            }
            catch (OperationCanceledException)
            {
                lock (_gate)
                {
                    tornDown.Add(s.Database.Application);
                }

                throw;
            }
        }, _ => { }, CancellationToken.None);
        await WaitUntil(() => _running == 2);
        _time.Advance(TimeSpan.FromMinutes(60));
        var outcome = await night;

        Assert.Equal(["a", "b"], tornDown.Order());
        Assert.All(outcome.Runs, r => Assert.Equal(NightExecutor.StoppedAtWindowEnd, r.Error));
        Assert.Equal(["c", "d"], outcome.Deferred.Select(d => d.Database.Application));
        Assert.True(outcome.StoppedAtWindowEnd);
        Assert.Equal(Now + TimeSpan.FromMinutes(60), outcome.WindowEnd);
    }

    [Fact]
    public async Task AnInterruptPropagatesAfterEveryRunningDrillHasTornDown()
    {
        var options = new SchedulerOptions { Concurrency = 2 };
        using var interrupt = new CancellationTokenSource();
        var finished = 0;
        var night = new NightExecutor(options, _time).RunAsync(Queue(options, "a", "b"), async (s, ct) =>
        {
            try
            {
                return await Drill(s, Task.Delay(Timeout.Infinite, ct), ct);
            }
            finally
            {
                Interlocked.Increment(ref finished);
            }
        }, _ => { }, interrupt.Token);
        await WaitUntil(() => _running == 2);

        await interrupt.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => night);
        Assert.Equal(2, finished);
    }

    private static List<DatabaseStanding> Queue(SchedulerOptions options, params string[] apps) =>
        [.. NightlyScheduler.Queue(NightlyScheduler.Standings([.. apps.Select(a => Db(a))], [], options), Now, options)];

    private async Task<ApplicationRun> Drill(DatabaseStanding standing, Task until, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _events.Add($"start {standing.Database.Application}");
            _peak = Math.Max(_peak, ++_running);
        }

        try
        {
            await until.WaitAsync(cancellationToken);
            return new ApplicationRun(standing.Database.Application, new RunEvidence { Target = "kubernetes", Fault = "none", StartedAt = Now, Drills = [FleetSamples.Drill("failover", true, 0)], Timings = [] }, null);
        }
        finally
        {
            lock (_gate)
            {
                _running--;
            }
        }
    }

    private async Task WaitUntil(Func<bool> condition)
    {
        for (var i = 0; i < 500; i++)
        {
            lock (_gate)
            {
                if (condition())
                {
                    return;
                }
            }

            await Task.Delay(10);
        }

        throw new TimeoutException("condition not reached");
    }
}
