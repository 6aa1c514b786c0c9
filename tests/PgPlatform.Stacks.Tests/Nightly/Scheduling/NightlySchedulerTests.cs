using PgPlatform.Components.Tiers;
using PgPlatform.Stacks.Nightly.Scheduling;
using static PgPlatform.Stacks.Tests.Nightly.Scheduling.SchedulingSamples;

namespace PgPlatform.Stacks.Tests.Nightly.Scheduling;

public sealed class NightlySchedulerTests
{
    private static readonly SchedulerOptions Options = new() { Concurrency = 2, Window = TimeSpan.FromHours(6), DefaultDrillDuration = TimeSpan.FromMinutes(45) };

    [Fact]
    public void FailedComeFirstThenNeverProvenThenTheStalestAndFreshEvidenceIsNotDue()
    {
        var fleet = new[] { Db("fresh"), Db("aging"), Db("stale"), Db("never"), Db("broken"), Db("dev", TierProfiles.Development) };
        var history = new[]
        {
            Proof("fresh", 1), Proof("aging", 4), Proof("stale", 9),
            Proof("broken", 20), Proof("broken", 1, passed: false),
            // 10 days old, but development's objective is 30 days: fresh.
            Proof("dev", 10),
        };

        var queue = NightlyScheduler.Queue(NightlyScheduler.Standings(fleet, history, Options), Now, Options);

        Assert.Equal(["broken", "never", "stale", "aging"], queue.Select(s => s.Database.Application));
        Assert.True(queue[2].Breached(Now));
        Assert.False(queue[3].Breached(Now));
        Assert.Equal(TimeSpan.FromDays(9), queue[2].Age(Now));
    }

    [Fact]
    public void TheExpectedDurationIsTheLongestOfTheLatestThreeMeasurementsOrTheDefault()
    {
        var history = new[] { Proof("a", 9, minutes: 90), Proof("a", 8, minutes: 20), Proof("a", 7, minutes: 35, passed: false), Proof("a", 6, minutes: 25) };

        var measured = NightlyScheduler.Standing(Db("a"), history, Options);
        var never = NightlyScheduler.Standing(Db("b"), [], Options);

        Assert.Equal(TimeSpan.FromMinutes(35), measured.ExpectedDuration);
        Assert.True(measured.DurationMeasured);
        Assert.Equal(TimeSpan.FromMinutes(45), never.ExpectedDuration);
        Assert.False(never.DurationMeasured);
        Assert.Equal("run-a-6", measured.LastPass!.RunId);
        Assert.False(measured.LastFailed);
    }

    [Fact]
    public void NothingStartsThatCannotFinishInTheWindowAndAShorterDrillTakesTheSlot()
    {
        var history = new[] { Proof("long", 9, minutes: 50), Proof("short", 8, minutes: 10) };
        var queue = NightlyScheduler.Queue(NightlyScheduler.Standings([Db("long"), Db("short")], history, Options), Now, Options);
        var windowEnd = Now + TimeSpan.FromMinutes(30);

        Assert.Equal(["long", "short"], queue.Select(s => s.Database.Application));
        Assert.Equal(0, NightlyScheduler.NextFitting(queue, Now, Now + TimeSpan.FromMinutes(50)));
        Assert.Equal(1, NightlyScheduler.NextFitting(queue, Now, windowEnd));
        Assert.Equal(-1, NightlyScheduler.NextFitting(queue, Now + TimeSpan.FromMinutes(21), windowEnd));
    }

    [Theory]
    [InlineData(0, 6, 0.5, "concurrency must be at least 1 (got 0)")]
    [InlineData(1, 0, 0.5, "the window must be longer than zero (got 00:00:00)")]
    [InlineData(1, 6, 1.5, "the due fraction must be in (0, 1] (got 1.5)")]
    public void BadBoundsAreRefusedNamingTheBound(int concurrency, int hours, double due, string message)
    {
        var options = new SchedulerOptions { Concurrency = concurrency, Window = TimeSpan.FromHours(hours), DueFraction = due };

        Assert.Equal(message, Assert.Throws<ArgumentException>(options.Validate).Message);
    }
}
