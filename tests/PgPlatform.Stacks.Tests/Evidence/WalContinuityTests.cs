using PgPlatform.Stacks.Evidence;

namespace PgPlatform.Stacks.Tests.Evidence;

public sealed class WalContinuityTests
{
    [Fact]
    public void ACompleteArchiveHasNothingMissing()
    {
        string[] archive = ["000000010000000000000003", "000000010000000000000004", "000000010000000000000004.00000028.backup", "000000010000000000000005"];

        Assert.Empty(WalContinuity.Missing(archive, "000000010000000000000003", "000000010000000000000005"));
        Assert.Equal("000000010000000000000005", WalContinuity.Latest(archive));
    }

    [Fact]
    public void ARemovedSegmentIsReportedAndBackupLabelsDoNotFillIt()
    {
        string[] archive = ["000000010000000000000003", "000000010000000000000004.00000028.backup", "000000010000000000000005"];

        Assert.Equal(["000000010000000000000004"], WalContinuity.Missing(archive, "000000010000000000000003", "000000010000000000000005"));
    }

    [Fact]
    public void ATimelineSwitchCountsThePartialAndTheNewTimelineAndCrossesLogIds()
    {
        string[] archive = ["0000000100000000000000FE", "0000000100000000000000FF.partial", "00000002.history", "0000000200000000000000FF", "000000020000000100000000"];

        Assert.Empty(WalContinuity.Missing(archive, "0000000100000000000000FE", "000000020000000100000000"));
        Assert.Equal("000000020000000100000000", WalContinuity.Latest(archive));
        Assert.Equal("000000010000000100000000", WalContinuity.Next("0000000100000000000000FF"));
    }

    [Fact]
    public void AnEmptyArchiveHasNoLatestSegment()
    {
        Assert.Null(WalContinuity.Latest(["00000002.history"]));
    }
}
