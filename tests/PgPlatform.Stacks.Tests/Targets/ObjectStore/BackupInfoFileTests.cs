using PgPlatform.Stacks.Targets;
using PgPlatform.Stacks.Targets.ObjectStore;

namespace PgPlatform.Stacks.Tests.Targets.ObjectStore;

public sealed class BackupInfoFileTests
{
    [Fact]
    public void ARecordedFinishedBackupGivesItsWalRangeAndExactEndTime()
    {
        var backup = BackupInfoFile.Parse("20261122T184656", BackupInfoSamples.Recorded);

        Assert.Equal(new BackupInfo("20261122T184656", "000000010000000000000007", "000000010000000000000007", new DateTimeOffset(2026, 11, 22, 18, 47, 3, TimeSpan.Zero).AddTicks(7277080)), backup);
    }

    [Fact]
    public void FieldsKeepValuesWithEqualsSignsAndQuotesAndMapNoneToNull()
    {
        var fields = BackupInfoFile.Fields(BackupInfoSamples.Recorded);

        Assert.StartsWith("'START WAL LOCATION: 0/7000028 (file 000000010000000000000007)\\nCHECKPOINT", fields["backup_label"], StringComparison.Ordinal);
        Assert.Equal("{'total_time': 10.641228, 'number_of_workers': 2, 'analysis_time': 0, 'analysis_time_per_item': {'data': 0}, 'copy_time_per_item': {'data': 0.507039}, 'serialized_copy_time_per_item': {'data': 0.367396}, 'copy_time': 0.507039, 'serialized_copy_time': 0.367396}", fields["copy_stats"]);
        Assert.Null(fields["error"]);
        Assert.Equal("cloud", fields["server_name"]);
        Assert.Equal(27, fields.Count);
    }

    [Fact]
    public void WindowsLineEndsAndAnEndTimeWithoutOffsetStillParse()
    {
        var text = BackupInfoSamples.Recorded.Replace("\n", "\r\n", StringComparison.Ordinal).Replace("18:47:03.727708+00:00", "18:47:03.727708", StringComparison.Ordinal);

        var backup = BackupInfoFile.Parse("20261122T184656", text)!;

        Assert.Equal(new DateTime(2026, 11, 22, 18, 47, 3).AddTicks(7277080), backup.EndTime.DateTime);
        Assert.Equal(TimeZoneInfo.Local.GetUtcOffset(backup.EndTime.DateTime), backup.EndTime.Offset);
        Assert.Equal("000000010000000000000007", backup.EndWal);
    }

    [Theory]
    [InlineData("FAILED")]
    [InlineData("STARTED")]
    [InlineData("WAITING_FOR_WALS")]
    public void OnlyDoneBackupsCount(string status)
    {
        Assert.Null(BackupInfoFile.Parse("20261122T185001", BackupInfoSamples.Failed));
        Assert.Null(BackupInfoFile.Parse("20261122T184656", BackupInfoSamples.Recorded.Replace("status=DONE", $"status={status}", StringComparison.Ordinal)));
        Assert.Null(BackupInfoFile.Parse("x", ""));
    }

    [Fact]
    public void ADoneBackupWithoutItsEndWalIsAFormatErrorNamingBackupAndField()
    {
        var text = BackupInfoSamples.Recorded.Replace("end_wal=000000010000000000000007", "end_wal=None", StringComparison.Ordinal);

        var e = Assert.Throws<FormatException>(() => BackupInfoFile.Parse("20261122T184656", text));

        Assert.Equal("backup.info of 20261122T184656 has status DONE but no end_wal", e.Message);
    }
}
