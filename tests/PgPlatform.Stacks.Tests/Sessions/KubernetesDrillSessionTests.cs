using PgPlatform.Stacks.Drills;
using PgPlatform.Stacks.Sessions;

namespace PgPlatform.Stacks.Tests.Sessions;

public sealed class KubernetesDrillSessionTests
{
    [Theory]
    [InlineData(Fault.KillPatroni, "the kubernetes target cannot inject --fault kill-patroni; it injects wal-gap")]
    [InlineData(Fault.ObjectStoreDown, "the kubernetes target cannot inject --fault object-store-down; it injects wal-gap")]
    [InlineData(Fault.WrongCredentials, "the kubernetes target cannot inject --fault wrong-credentials; it injects wal-gap")]
    public void FaultsTheTargetCannotInjectAreRefused(Fault fault, string reason)
    {
        Assert.Equal(reason, KubernetesDrillSession.Refusal(DrillNames.DefaultDrills, fault));
    }

    [Fact]
    public void EveryDefaultDrillAndTheWalGapFaultRunOnTheKubernetesTarget()
    {
        Assert.Null(KubernetesDrillSession.Refusal(DrillNames.DefaultDrills, Fault.None));
        Assert.Null(KubernetesDrillSession.Refusal([DrillKind.Restore, DrillKind.Backup], Fault.WalGap));
    }

    [Fact]
    public void TheAlertsDrillIsRefusedAsNotApplicableOnTheKubernetesTarget()
    {
        Assert.Equal(KubernetesDrillSession.AlertsNotApplicable, KubernetesDrillSession.Refusal(DrillNames.AllDrills, Fault.None));
        Assert.Equal(KubernetesDrillSession.AlertsNotApplicable, KubernetesDrillSession.Refusal([DrillKind.Alerts], Fault.None));
        Assert.Contains("not applicable to the kubernetes target", KubernetesDrillSession.AlertsNotApplicable, StringComparison.Ordinal);
    }
}
