using PgPlatform.Stacks.Drills;
using PgPlatform.Stacks.Targets;

namespace PgPlatform.Stacks.Tests.Drills;

public sealed class DrillRecorderTests
{
    private sealed class FakeTarget : IDrillTarget
    {
        public string Name => "fake";

        public TargetFacts Facts { get; } = new("operator 1", "postgres 15", "disk");

        public string ReadWriteConnectionString => "";

        public string SuperuserReadWriteConnectionString => "";

        public IReadOnlyList<ClusterMember> Members => [];

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private static DrillRecorder Recorder() => new(DrillKind.Backup, new FakeTarget(), Fault.None, DrillLog.Silent);

    [Fact]
    public void ADrillThatObservedNothingDoesNotPass()
    {
        var evidence = Recorder().Finish();

        Assert.False(evidence.Passed);
        Assert.Equal("nothing was observed to pass", evidence.Reason);
    }

    [Fact]
    public void OneFailureFailsTheDrillWhateverPassed()
    {
        var recorder = Recorder();
        recorder.Pass("object store reachable");
        recorder.Check(false, "unused", "WAL archive has a gap");

        var evidence = recorder.Finish();

        Assert.False(evidence.Passed);
        Assert.Equal("WAL archive has a gap", evidence.Reason);
    }

    [Fact]
    public async Task PassesCarryTheTargetFactsPhasesAndNotApplicableFields()
    {
        var recorder = Recorder();
        await recorder.PhaseAsync("list", () => Task.CompletedTask);
        recorder.Check(true, "object store reachable", "unused");
        recorder.Measure("base backups", "1");

        var evidence = recorder.Finish();

        Assert.True(evidence.Passed);
        Assert.Equal("object store reachable", evidence.Reason);
        Assert.Equal(("backup", "fake", "none"), (evidence.Drill, evidence.Target, evidence.Fault));
        Assert.Equal(("operator 1", "postgres 15", "disk"), (evidence.OperatorVersion, evidence.PostgresImage, evidence.StorageClass));
        Assert.Equal("not applicable", evidence.BackupId);
        Assert.Null(evidence.RtoSeconds);
        Assert.Equal("list", Assert.Single(evidence.Timings).Phase);
        Assert.Equal("base backups", Assert.Single(evidence.Measurements).Name);
    }
}
