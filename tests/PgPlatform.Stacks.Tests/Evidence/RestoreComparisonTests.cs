using PgPlatform.Stacks.Evidence;

namespace PgPlatform.Stacks.Tests.Evidence;

public sealed class RestoreComparisonTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void AnIdenticalRestoreHasZeroRpoAndNoFailure()
    {
        var source = new TableSnapshot(40, 40, T0.AddSeconds(4), "abc");

        var comparison = RestoreComparison.Compare(source, source with { });

        Assert.Equal(0, comparison.RpoRows);
        Assert.Equal(0, comparison.RpoSeconds);
        Assert.Empty(comparison.Failures);
    }

    [Fact]
    public void RecoveryThatStoppedEarlyIsMeasuredAsRpoAndFails()
    {
        var source = new TableSnapshot(40, 40, T0.AddSeconds(4), "abc");
        var restored = new TableSnapshot(20, 20, T0.AddSeconds(1.5), "def");

        var comparison = RestoreComparison.Compare(source, restored);

        Assert.Equal(20, comparison.RpoRows);
        Assert.Equal(2.5, comparison.RpoSeconds, precision: 6);
        Assert.Equal(["recovered 20 row(s) up to id 20, expected 40 up to id 40"], comparison.Failures);
    }

    [Fact]
    public void SameRowsWithADifferentChecksumFail()
    {
        var source = new TableSnapshot(40, 40, T0, "abc");

        var comparison = RestoreComparison.Compare(source, source with { Checksum = "abd" });

        Assert.Equal(0, comparison.RpoRows);
        Assert.Single(comparison.Failures, f => f.Contains("checksum abd differs", StringComparison.Ordinal));
    }

    [Fact]
    public void AnEmptyRestoreOfAWrittenTableFailsTwiceOver()
    {
        var comparison = RestoreComparison.Compare(new TableSnapshot(3, 3, T0, "abc"), new TableSnapshot(0, 0, null, ""));

        Assert.Equal(3, comparison.RpoRows);
        Assert.Equal(2, comparison.Failures.Count);
        Assert.Contains("no row was recovered", comparison.Failures);
    }
}
