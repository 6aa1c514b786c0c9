using System.Globalization;
using PgPlatform.Stacks.Drills;
using PgPlatform.Stacks.Evidence;
using PgPlatform.Stacks.Targets.Local;
using Xunit.Abstractions;

namespace PgPlatform.Stacks.Tests.Drills;

/// <summary>
/// Every drill without a fault on one shared local target, in run order: each must pass on what it observed.
/// The destructive kill-patroni fault runs last on the same target.
/// </summary>
[TestCaseOrderer(RunOrderOrderer.TypeName, RunOrderOrderer.AssemblyName)]
public sealed class LocalDrillTests(LocalTargetFixture fixture, ITestOutputHelper output) : IClassFixture<LocalTargetFixture>
{
    private async Task<DrillEvidence> RunAsync(DrillKind drill)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        var evidence = await DrillRunner.RunOneAsync(fixture.Target, drill, Fault.None, new DrillLog(new TestOutputWriter(output)), timeout.Token);
        Assert.True(evidence.Passed, evidence.Reason);
        Assert.Equal(("local", "none", "local disk"), (evidence.Target, evidence.Fault, evidence.StorageClass));
        Assert.StartsWith("patroni 3.", evidence.OperatorVersion, StringComparison.Ordinal);
        Assert.StartsWith("postgresql 15.", evidence.PostgresImage, StringComparison.Ordinal);
        return evidence;
    }

    private static double Seconds(DrillEvidence evidence, string measurement) =>
        double.Parse(evidence.Measurements.Single(m => m.Name == measurement).Value.Split(' ')[0], CultureInfo.InvariantCulture);

    [Fact]
    [RunOrder(1)]
    public async Task FailoverPromotesAReplicaQuicklyAndLosesNoAcknowledgedRow()
    {
        var evidence = await RunAsync(DrillKind.Failover);

        Assert.InRange(Seconds(evidence, "promotion time"), 0, 30);
        Assert.InRange(Seconds(evidence, "write gap"), 0, 30);
        Assert.Equal("0", evidence.Measurements.Single(m => m.Name == "acknowledged rows lost").Value);
        Assert.DoesNotContain(",", evidence.Measurements.Single(m => m.Name == "writable members at the end").Value, StringComparison.Ordinal);
    }

    [Fact]
    [RunOrder(2)]
    public async Task RestoreRecoversEveryCommittedRowAndAPointInTime()
    {
        var evidence = await RunAsync(DrillKind.Restore);

        Assert.Equal(0, evidence.RpoRows);
        Assert.Equal(0, evidence.RpoSeconds);
        Assert.InRange(evidence.RtoSeconds!.Value, 0.1, 120);
        Assert.Matches("^[0-9]{8}T[0-9]{6}$", evidence.BackupId);
        Assert.StartsWith(fixture.Target.RunDirectory, evidence.RestoreNamespace, StringComparison.Ordinal);
        Assert.NotNull(evidence.RestoreStartedAt);
        Assert.Equal("not applicable (local target, no application declared)", evidence.ApplicationMigration);
        Assert.Contains("point-in-time restore holds the expected 20 rows", evidence.Reason, StringComparison.Ordinal);
    }

    [Fact]
    [RunOrder(3)]
    public async Task RotationSwitchesALivePooledClientToTheOtherLoginWithoutAFailedWriteAndRefusesTheOldLogin()
    {
        var before = await fixture.Target.ReadActiveLoginAsync(CancellationToken.None);

        var evidence = await RunAsync(DrillKind.Rotation);

        var after = await fixture.Target.ReadActiveLoginAsync(CancellationToken.None);
        Assert.Equal(("app_a", "app_b"), (before.Role, after.Role));
        Assert.Matches("^[1-9][0-9]* committed, 0 failed$", evidence.Measurements.Single(m => m.Name == "application writes during the rotation").Value);
        Assert.InRange(Seconds(evidence, "time until every pooled connection used the new role"), 0, 10);
        Assert.Equal("0", evidence.Measurements.Single(m => m.Name == "sessions of the old role left at the end").Value);
        Assert.Contains("a login as app_a is refused (28000", evidence.Reason, StringComparison.Ordinal);
        Assert.Contains("a table created by app_b is owned by app", evidence.Reason, StringComparison.Ordinal);
        Assert.Null(await fixture.Target.ReadRotationAsync(CancellationToken.None));
    }

    [Fact]
    [RunOrder(4)]
    public async Task BackupHealthSeesARecentBackupAndAContinuousArchive()
    {
        using (var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10)))
        {
            // The shared target starts without a backup; the restore test, which runs first, takes one.
            if ((await fixture.Target.ListBackupsAsync(timeout.Token)).Count == 0)
            {
                await fixture.Target.BackupAsync(timeout.Token);
            }
        }

        var evidence = await RunAsync(DrillKind.Backup);

        Assert.Contains("object store reachable", evidence.Reason, StringComparison.Ordinal);
        Assert.Contains("WAL continuous from", evidence.Reason, StringComparison.Ordinal);
        Assert.InRange(Seconds(evidence, "newest base backup age"), 0, 600);
    }

    [Fact]
    [RunOrder(5)]
    public async Task KillPatroniLeavesAnOrphanedPrimaryTheFailoverDrillFailsOnAndTeardownStillEndsIt()
    {
        // Destructive (a split brain nothing heals), so it runs last on the shared target and then tears it down.
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        var target = fixture.Target;
        var run = target.RunDirectory;

        var evidence = await DrillRunner.RunOneAsync(target, DrillKind.Failover, Fault.KillPatroni, new DrillLog(new TestOutputWriter(output)), timeout.Token);

        Assert.False(evidence.Passed);
        Assert.Equal("kill-patroni", evidence.Fault);
        Assert.Contains("split brain", evidence.Reason, StringComparison.Ordinal);
        Assert.Contains(",", evidence.Measurements.Single(m => m.Name == "writable members at the end").Value, StringComparison.Ordinal);
        Assert.NotEmpty(ProcessSweeper.Find(run));

        await target.DisposeAsync();

        Assert.Empty(ProcessSweeper.Find(run));
        Assert.False(Directory.Exists(run));
    }
}
