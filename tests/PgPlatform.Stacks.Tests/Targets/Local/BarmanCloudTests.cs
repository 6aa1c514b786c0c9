using PgPlatform.Stacks.Targets.Local;

namespace PgPlatform.Stacks.Tests.Targets.Local;

public sealed class BarmanCloudTests
{
    [Fact]
    public void ListKeepsFinishedBackupsOldestFirst()
    {
        const string json = """
            {"backups_list": [
              {"backup_id": "20261122T171500", "status": "DONE", "begin_wal": "000000010000000000000006", "end_wal": "000000010000000000000006", "end_time": "Sun Nov 22 17:15:02 2026"},
              {"backup_id": "20261122T171439", "status": "DONE", "begin_wal": "000000010000000000000004", "end_wal": "000000010000000000000004", "end_time": "Sun Nov 22 17:14:41 2026"},
              {"backup_id": "20261122T171600", "status": "FAILED", "begin_wal": "000000010000000000000008", "end_wal": "000000010000000000000008", "end_time": "Sun Nov 22 17:16:01 2026"}
            ]}
            """;

        var backups = BarmanCloud.ParseList(json);

        Assert.Equal(["20261122T171439", "20261122T171500"], backups.Select(b => b.Id));
        Assert.Equal("000000010000000000000004", backups[0].BeginWal);
    }

    [Fact]
    public void PostmasterPidFileGivesThePidAndTheSharedMemorySegment()
    {
        var file = PostmasterPidFile.Parse(["1234", "/data", "1700000000", "5432", "/run", "127.0.0.1", "  5432001     32768", "ready"]);

        Assert.Equal(new PostmasterPidFile(1234, 5432001, 32768), file);
        Assert.Null(PostmasterPidFile.Parse(["not a pid"]));
        Assert.Equal(new PostmasterPidFile(77, null, null), PostmasterPidFile.Parse(["77"]));
    }
}
