using PgPlatform.Stacks.Drills;
using PgPlatform.Stacks.Sessions;

namespace PgPlatform.Stacks.Tests.Sessions;

public sealed class KubernetesDrillSessionTests
{
    [Theory]
    [InlineData(Fault.KillPatroni, "the kubernetes target cannot inject --fault kill-patroni; it injects wal-gap")]
    [InlineData(Fault.ObjectStoreDown, "the kubernetes target cannot inject --fault object-store-down; it injects wal-gap")]
    [InlineData(Fault.WrongCredentials, "the kubernetes target cannot inject --fault wrong-credentials; it injects wal-gap")]
    public void Faults_the_target_cannot_inject_are_refused(Fault fault, string reason)
    {
        Assert.Equal(reason, KubernetesDrillSession.Refusal(DrillNames.AllDrills, fault));
    }

    [Fact]
    public void Every_drill_and_the_wal_gap_fault_run_on_the_kubernetes_target()
    {
        Assert.Null(KubernetesDrillSession.Refusal(DrillNames.AllDrills, Fault.None));
        Assert.Null(KubernetesDrillSession.Refusal([DrillKind.Restore, DrillKind.Backup], Fault.WalGap));
    }
}
