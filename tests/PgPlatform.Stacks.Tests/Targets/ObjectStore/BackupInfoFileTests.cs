using PgPlatform.Stacks.Targets;
using PgPlatform.Stacks.Targets.ObjectStore;

namespace PgPlatform.Stacks.Tests.Targets.ObjectStore;

public sealed class BackupInfoFileTests
{
    [Fact]
    public void A_recorded_finished_backup_gives_its_wal_range_and_exact_end_time()
    {
        var backup = BackupInfoFile.Parse("20261122T184656", BackupInfoSamples.Recorded);

        Assert.Equal(new BackupInfo("20261122T184656", "000000010000000000000007", "000000010000000000000007", new DateTimeOffset(2026, 11, 22, 18, 47, 3, TimeSpan.Zero).AddTicks(7277080)), backup);
    }

    [Fact]
    public void Fields_keep_values_with_equals_signs_and_quotes_and_map_none_to_null()
    {
        var fields = BackupInfoFile.Fields(BackupInfoSamples.Recorded);

        Assert.StartsWith("'START WAL LOCATION: 0/7000028 (file 000000010000000000000007)\\nCHECKPOINT", fields["backup_label"], StringComparison.Ordinal);
        Assert.Equal("{'total_time': 10.641228, 'number_of_workers': 2, 'analysis_time': 0, 'analysis_time_per_item': {'data': 0}, 'copy_time_per_item': {'data': 0.507039}, 'serialized_copy_time_per_item': {'data': 0.367396}, 'copy_time': 0.507039, 'serialized_copy_time': 0.367396}", fields["copy_stats"]);
        Assert.Null(fields["error"]);
        Assert.Equal("cloud", fields["server_name"]);
        Assert.Equal(27, fields.Count);
    }

    [Fact]
    public void Windows_line_ends_and_an_end_time_without_offset_still_parse()
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
    public void Only_done_backups_count(string status)
    {
        Assert.Null(BackupInfoFile.Parse("20261122T185001", BackupInfoSamples.Failed));
        Assert.Null(BackupInfoFile.Parse("20261122T184656", BackupInfoSamples.Recorded.Replace("status=DONE", $"status={status}", StringComparison.Ordinal)));
        Assert.Null(BackupInfoFile.Parse("x", ""));
    }

    [Fact]
    public void A_done_backup_without_its_end_wal_is_a_format_error_naming_backup_and_field()
    {
        var text = BackupInfoSamples.Recorded.Replace("end_wal=000000010000000000000007", "end_wal=None", StringComparison.Ordinal);

        var e = Assert.Throws<FormatException>(() => BackupInfoFile.Parse("20261122T184656", text));

        Assert.Equal("backup.info of 20261122T184656 has status DONE but no end_wal", e.Message);
    }
}
