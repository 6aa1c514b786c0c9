using PgPlatform.Stacks.Evidence;

namespace PgPlatform.Stacks.Tests.Evidence;

public sealed class FailoverMetricsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private static WriteAttempt Ack(double at, long id) => new(T0.AddSeconds(at - 0.01), T0.AddSeconds(at), id, "port 1", null);

    private static WriteAttempt Failed(double at) => new(T0.AddSeconds(at - 0.01), T0.AddSeconds(at), null, null, "connection refused");

    private static Dictionary<string, IReadOnlySet<long>> Rows(params (string Member, long[] Ids)[] members) =>
        members.ToDictionary(m => m.Member, m => (IReadOnlySet<long>)m.Ids.ToHashSet());

    [Fact]
    public void WriteGapRunsFromTheLastAcknowledgementBeforeTheKillToTheFirstAfter()
    {
        var attempts = new[] { Ack(0.1, 1), Ack(0.2, 2), Ack(0.3, 3), Failed(0.4), Failed(0.5), Failed(2.0), Ack(2.6, 4), Ack(2.7, 5) };

        var metrics = FailoverMetrics.Compute(attempts, T0.AddSeconds(0.35), T0.AddSeconds(2.5), Rows(("b", [1, 2, 3, 4, 5])), ["b"]);

        Assert.Equal(2.3, metrics.WriteGapSeconds!.Value, precision: 6);
        Assert.Equal(2.15, metrics.PromotionSeconds!.Value, precision: 6);
        Assert.Equal(3, metrics.FailedAttempts);
        Assert.Equal(5, metrics.AcknowledgedWrites);
        Assert.Equal(2, metrics.AcknowledgedAfterKill);
        Assert.Empty(metrics.LostRows);
        Assert.Empty(metrics.Failures());
    }

    [Fact]
    public void AnAcknowledgedRowMissingFromTheNewPrimaryIsLostEvenIfTheOldPrimaryHasIt()
    {
        var attempts = new[] { Ack(0.1, 1), Ack(0.2, 2), Ack(0.3, 3), Ack(2.6, 4) };

        var metrics = FailoverMetrics.Compute(attempts, T0.AddSeconds(0.35), T0.AddSeconds(2.5), Rows(("old", [1, 2, 3]), ("new", [1, 2, 4])), ["new"]);

        Assert.Equal([3L], metrics.LostRows);
        Assert.Contains(metrics.Failures(), f => f.Contains("1 acknowledged row(s) lost (ids 3)", StringComparison.Ordinal));
    }

    [Fact]
    public void DeclaredAsynchronousReplicationReportsLostRowsWithoutFailingButStillFailsWhatItDoesNotExcuse()
    {
        var attempts = new[] { Ack(0.1, 1), Ack(0.2, 2), Ack(0.3, 3) };

        var metrics = FailoverMetrics.Compute(attempts, T0.AddSeconds(0.35), null, Rows(("new", [1, 2])), ["new"]);

        Assert.Equal([3L], metrics.LostRows);
        Assert.DoesNotContain(metrics.Failures(lossAllowed: true), f => f.Contains("lost", StringComparison.Ordinal));
        Assert.Contains("no other member was promoted", metrics.Failures(lossAllowed: true));
        Assert.Contains(metrics.Failures(), f => f.Contains("1 acknowledged row(s) lost", StringComparison.Ordinal));
    }

    [Fact]
    public void TwoWritableMembersAreASplitBrainAndRowsMissingFromEitherAreLost()
    {
        var attempts = new[] { Ack(0.1, 1), Ack(0.2, 2), Ack(11, 3) };

        var metrics = FailoverMetrics.Compute(attempts, T0.AddSeconds(0.15), T0.AddSeconds(10), Rows(("a", [1, 2, 3]), ("b", [1, 2])), ["a", "b"]);

        Assert.Equal([3L], metrics.LostRows);
        Assert.Contains(metrics.Failures(), f => f.StartsWith("split brain: a and b", StringComparison.Ordinal));
    }

    [Fact]
    public void NoPromotionAndNoWriteAfterTheKillAreFailuresWithoutAGap()
    {
        var attempts = new[] { Ack(0.1, 1), Failed(0.5), Failed(0.6) };

        var metrics = FailoverMetrics.Compute(attempts, T0.AddSeconds(0.2), null, Rows(("a", [1])), []);

        Assert.Null(metrics.PromotionSeconds);
        Assert.Null(metrics.WriteGapSeconds);
        var failures = metrics.Failures();
        Assert.Contains("no other member was promoted", failures);
        Assert.Contains("no member accepts writes at the end", failures);
        Assert.Contains("writes never resumed through the read-write endpoint", failures);
    }

    [Fact]
    public void AWritableMemberThatCannotBeReadLosesEveryAcknowledgedRow()
    {
        var metrics = FailoverMetrics.Compute([Ack(0.1, 1), Ack(3, 2)], T0.AddSeconds(0.2), T0.AddSeconds(2), Rows(), ["c"]);

        Assert.Equal([1L, 2L], metrics.LostRows);
    }
}
