using PgPlatform.Stacks.Drills;
using PgPlatform.Stacks.Targets;

namespace PgPlatform.Stacks.Tests.Drills;

public sealed class BackupHealthDrillTests
{
    /// <summary>A reachable object store with a continuous WAL archive and the given base backups, and a healthy archiver.</summary>
    private sealed class FakeBackupTarget(IReadOnlyList<BackupInfo> backups) : IBackupTarget
    {
        public string Name => "fake";

        public TargetFacts Facts { get; } = new("operator 1", "postgres 15", "disk");

        public string ReadWriteConnectionString => "";

        public string SuperuserReadWriteConnectionString => "";

        public IReadOnlyList<ClusterMember> Members => [];

        public bool UseWrongObjectStoreCredentials { get; set; }

        public Task<IReadOnlyList<BackupInfo>> ListBackupsAsync(CancellationToken cancellationToken) => Task.FromResult(backups);

        public Task<IReadOnlyList<string>> ArchivedWalAsync(CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<string>>(["000000010000000000000001", "000000010000000000000002", "000000010000000000000003"]);

        public Task<ArchiverStatus> ArchiverStatusAsync(CancellationToken cancellationToken) => throw new NotSupportedException("not reached");

        public Task<BackupInfo> BackupAsync(CancellationToken cancellationToken) => throw new NotSupportedException("the drill only observes");

        public Task<string> SwitchWalAsync(CancellationToken cancellationToken) => throw new NotSupportedException("no fault");

        public Task<IRestoredCluster> RestoreAsync(RestoreRequest request, CancellationToken cancellationToken) => throw new NotSupportedException("no restore");

        public Task RemoveArchivedWalAsync(string walFile, CancellationToken cancellationToken) => throw new NotSupportedException("no fault");

        public Task SetObjectStoreAvailableAsync(bool available, CancellationToken cancellationToken) => throw new NotSupportedException("no fault");

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    [Fact]
    public async Task An_archive_without_a_base_backup_fails_the_drill_with_no_base_backup_yet()
    {
        var target = new FakeBackupTarget([]);
        var recorder = new DrillRecorder(DrillKind.Backup, target, Fault.None, DrillLog.Silent);

        await new BackupHealthDrill().RunAsync(new DrillContext(target, Fault.None, DrillLog.Silent), recorder, CancellationToken.None);

        var evidence = recorder.Finish();
        Assert.False(evidence.Passed);
        Assert.Equal(BackupHealthDrill.NoBaseBackupReason, evidence.Reason);
        Assert.StartsWith("no base backup yet", evidence.Reason, StringComparison.Ordinal);
    }
}
