using PgPlatform.Stacks.Targets;
using PgPlatform.Stacks.Targets.Local;

namespace PgPlatform.Stacks.Tests.Targets.Local;

public sealed class RunAsTests
{
    [Fact]
    public void ATempRootOthersCannotTraverseIsRefusedWithTheFix()
    {
        var closed = Directory.CreateTempSubdirectory("closed-").FullName;
        try
        {
            var e = Assert.Throws<TargetUnavailableException>(() => new RunAs("pgplatform").CheckCanReach(Path.Combine(closed, "run")));

            Assert.Contains($"{closed} is not searchable by others (mode 700)", e.Message, StringComparison.Ordinal);
            Assert.EndsWith("set TMPDIR to a directory others can traverse", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(closed);
        }
    }

    [Fact]
    public void ATraversableRootOrNoUserSwitchIsFineAndSetprivSwitchesUserInPlace()
    {
        var open = TempRoot.Create("open-");
        try
        {
            new RunAs("pgplatform").CheckCanReach(open);
            new RunAs(null).CheckCanReach("/root/anything");
        }
        finally
        {
            Directory.Delete(open);
        }

        Assert.Equal(["setpriv", "--reuid=pgplatform", "--regid=pgplatform", "--init-groups", "--"], new RunAs("pgplatform").Prefix);
        Assert.Empty(new RunAs(null).Prefix);
    }
}
