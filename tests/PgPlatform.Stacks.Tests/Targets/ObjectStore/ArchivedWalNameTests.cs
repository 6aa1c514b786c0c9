using PgPlatform.Stacks.Targets.ObjectStore;

namespace PgPlatform.Stacks.Tests.Targets.ObjectStore;

public sealed class ArchivedWalNameTests
{
    [Theory]
    [InlineData("000000010000000000000004.gz", "000000010000000000000004")]
    [InlineData("000000010000000000000004", "000000010000000000000004")]
    [InlineData("000000010000000000000004.bz2", "000000010000000000000004")]
    [InlineData("000000010000000000000004.snappy", "000000010000000000000004")]
    [InlineData("000000010000000000000004.zst", "000000010000000000000004")]
    [InlineData("000000020000000000000005.partial.gz", "000000020000000000000005.partial")]
    [InlineData("000000010000000000000004.00000028.backup.gz", "000000010000000000000004.00000028.backup")]
    [InlineData("00000002.history.gz", "00000002.history")]
    [InlineData("000000010000000000000004.gz.gz", null)]
    [InlineData("000000010000000000000004.tmp", null)]
    [InlineData("backup.info", null)]
    public void StripRemovesOneCompressionSuffixFromWhatBarmanArchives(string blob, string? expected) =>
        Assert.Equal(expected, ArchivedWalName.Strip(blob));

    [Theory]
    [InlineData("000000010000000000000004", true)]
    [InlineData("000000020000000000000005.partial", true)]
    [InlineData("000000010000000000000004.00000028.backup", false)]
    [InlineData("00000002.history", false)]
    public void SegmentsAndPartialSegmentsAreWhatContinuityCounts(string wal, bool segment) =>
        Assert.Equal(segment, ArchivedWalName.IsSegment(wal));

    [Theory]
    [InlineData("000000010000000A000000FF", "000000010000000A")]
    [InlineData("00000002.history", "")]
    public void BarmanKeepsSegmentsPerTimelineAndLogAndHistoryAtTheTop(string wal, string directory) =>
        Assert.Equal(directory, ArchivedWalName.Directory(wal));
}
