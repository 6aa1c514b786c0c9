using PgPlatform.Stacks.Targets.ObjectStore;

namespace PgPlatform.Stacks.Tests.Targets.ObjectStore;

public sealed class BarmanTimeTests
{
    [Theory]
    [InlineData("2026-11-22 17:14:41.123456+00:00", "2026-11-22T17:14:41.1234560+00:00")]
    [InlineData("2026-11-22 17:14:41+00:00", "2026-11-22T17:14:41.0000000+00:00")]
    [InlineData("2026-11-22 18:14:41.5+01:00", "2026-11-22T18:14:41.5000000+01:00")]
    [InlineData("2026-11-22T17:14:41.000001-05:30", "2026-11-22T17:14:41.0000010-05:30")]
    public void BackupInfoTimesKeepTheirOffsetAndFraction(string text, string expected)
    {
        var at = BarmanTime.Parse(text);

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), at);
        Assert.Equal(expected[^6..], at.ToString("zzz", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void ATimeWithoutOffsetIsInTheMachinesZoneAsBarmanReadsIt()
    {
        var at = BarmanTime.Parse("2026-11-22 17:14:41.250000");

        Assert.Equal(new DateTime(2026, 11, 22, 17, 14, 41, 250), at.DateTime);
        Assert.Equal(TimeZoneInfo.Local.GetUtcOffset(at.DateTime), at.Offset);
    }

    [Theory]
    [InlineData("Mon Nov  2 07:04:05 2026", 2)]
    [InlineData("Sun Nov 22 17:14:41 2026", 22)]
    public void CtimeFromTheBackupListParsesWithAPaddedSingleDigitDay(string text, int day)
    {
        var at = BarmanTime.Parse(text);

        Assert.Equal(day, at.Day);
        Assert.Equal(TimeZoneInfo.Local.GetUtcOffset(at.DateTime), at.Offset);
    }

    [Theory]
    [InlineData("")]
    [InlineData("None")]
    [InlineData("22/11/2026 17:14")]
    public void AnythingElseIsAFormatErrorQuotingIt(string text)
    {
        var e = Assert.Throws<FormatException>(() => BarmanTime.Parse(text));

        Assert.Equal($"not a barman time: '{text}'", e.Message);
    }
}
