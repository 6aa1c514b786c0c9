using PgPlatform.Stacks.Drills;
using PgPlatform.Stacks.Evidence;
using Xunit.Abstractions;

namespace PgPlatform.Stacks.Tests.Drills;

/// <summary>
/// The object-store faults on one shared target: each affected drill must fail, for the fault's reason.
/// Every fault but the WAL gap heals when its drill ends (the store restarts; credentials reset), and each
/// restore takes a fresh backup and each backup health check starts from the newest backup, so the faults
/// do not leak into each other.
/// </summary>
public sealed class FaultDrillTests(LocalTargetFixture fixture, ITestOutputHelper output) : IClassFixture<LocalTargetFixture>
{
    private async Task<DrillEvidence> RunAsync(DrillKind drill, Fault fault)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        var evidence = await DrillRunner.RunOneAsync(fixture.Target, drill, fault, new DrillLog(new TestOutputWriter(output)), timeout.Token);
        Assert.False(evidence.Passed, $"{DrillNames.Name(drill)} passed under {DrillNames.Name(fault)}: {evidence.Reason}");
        Assert.Equal(DrillNames.Name(fault), evidence.Fault);
        return evidence;
    }

    [Fact]
    public async Task WalGapFailsTheRestoreOnItsDataAlthoughRecoverySucceededAndBreaksContinuity()
    {
        var restore = await RunAsync(DrillKind.Restore, Fault.WalGap);

        // PostgreSQL ended recovery at the gap and accepted writes: only the row comparison noticed.
        Assert.NotNull(restore.RtoSeconds);
        Assert.Matches("latest restore: recovered [0-9]+ row\\(s\\) up to id [0-9]+, expected [0-9]+", restore.Reason);
        Assert.Equal(40, restore.RpoRows);
        Assert.Contains("point-in-time restore: not attempted", string.Join("\n", restore.Measurements.Select(m => $"{m.Name}: {m.Value}")), StringComparison.Ordinal);

        var backup = await RunAsync(DrillKind.Backup, Fault.WalGap);
        Assert.Contains("WAL archive has a gap", backup.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ObjectStoreDownFailsRecoveryAndBackupHealthThenHeals()
    {
        var restore = await RunAsync(DrillKind.Restore, Fault.ObjectStoreDown);
        Assert.Contains("latest restore: PostgreSQL stopped during recovery", restore.Reason, StringComparison.Ordinal);

        var backup = await RunAsync(DrillKind.Backup, Fault.ObjectStoreDown);
        Assert.Contains("object store unreachable", backup.Reason, StringComparison.Ordinal);
        Assert.Contains("Connection refused", backup.Reason, StringComparison.Ordinal);

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        Assert.NotEmpty(await fixture.Target.ListBackupsAsync(timeout.Token));
    }

    [Fact]
    public async Task WrongCredentialsAreRefusedByTheStoreInBothDrills()
    {
        var restore = await RunAsync(DrillKind.Restore, Fault.WrongCredentials);
        Assert.Contains("Server failed to authenticate the request", restore.Reason, StringComparison.Ordinal);

        var backup = await RunAsync(DrillKind.Backup, Fault.WrongCredentials);
        Assert.Contains("object store unreachable", backup.Reason, StringComparison.Ordinal);
        Assert.False(fixture.Target.UseWrongObjectStoreCredentials);
    }
}
