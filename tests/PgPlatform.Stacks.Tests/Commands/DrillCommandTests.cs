using PgPlatform.Infra.CommandLine;
using PgPlatform.Stacks.Drills;
using PgPlatform.Stacks.Targets.Local;

namespace PgPlatform.Stacks.Tests.Commands;

public sealed class DrillCommandTests
{
    [Fact]
    public async Task AnUnknownDrillIsAUsageError()
    {
        var result = await StacksRunner.RunAsync("drill --target local --drill failover,chaos");

        Assert.Equal((int)ExitCode.Usage, result.ExitCode);
        Assert.Contains("unknown drill(s): chaos", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFaultThatAffectsNoSelectedDrillIsRefusedBecauseItCouldOnlyPass()
    {
        var result = await StacksRunner.RunAsync("drill --drill rotation --fault wal-gap");

        Assert.Equal((int)ExitCode.Usage, result.ExitCode);
        Assert.Contains("fault wal-gap affects restore and backup", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADataSizeThatIsNotASizeIsAUsageError()
    {
        var result = await StacksRunner.RunAsync("drill --drill restore --app linkding --data-size lots");

        Assert.Equal((int)ExitCode.Usage, result.ExitCode);
        Assert.Contains("--data-size 'lots' is not a size: write e.g. 16MiB", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALocalDrillOfAnApplicationTheCatalogLacksFailsBeforeAnyTargetStarts()
    {
        var result = await StacksRunner.RunAsync("drill --drill restore --app nope");

        Assert.Equal((int)ExitCode.Failed, result.ExitCode);
        Assert.Contains("unknown application 'nope'", result.Error, StringComparison.Ordinal);
        Assert.Contains("linkding, wikijs", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("drill --target kubernetes")]
    [InlineData("drill --fault unplugged")]
    public async Task UnsupportedTargetsAndFaultsAreUsageErrors(string commandLine)
    {
        var result = await StacksRunner.RunAsync(commandLine);

        Assert.Equal((int)ExitCode.Usage, result.ExitCode);
        Assert.StartsWith("error: ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOutUnderARegularFileIsRefusedBeforeTheTargetStarts()
    {
        var file = Path.GetTempFileName();
        try
        {
            var result = await StacksRunner.RunAsync(["drill", "--drill", "rotation", "--out", Path.Combine(file, "evidence")]);

            Assert.Equal((int)ExitCode.Usage, result.ExitCode);
            Assert.Equal($"error: --out {Path.Combine(file, "evidence")} cannot be created: {file} is a file, not a directory. Fix: give --out a directory you can write (it is created if missing).\n", result.Error);
            Assert.DoesNotContain("target", result.Out, StringComparison.Ordinal);

            var onTheFile = await StacksRunner.RunAsync(["drill", "--drill", "rotation", "--out", file]);

            Assert.Equal((int)ExitCode.Usage, onTheFile.ExitCode);
            Assert.StartsWith($"error: --out {file} is a file, not a directory. Fix: ", onTheFile.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("target", onTheFile.Out, StringComparison.Ordinal);
            Assert.Equal(0, new FileInfo(file).Length);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task AnOutDirectoryCreatedForARunThatEndsWithoutEvidenceIsRemovedAgain()
    {
        var root = Directory.CreateTempSubdirectory("drill-out-").FullName;
        try
        {
            var result = await StacksRunner.RunAsync(["drill", "--target", "kubernetes", "--out", Path.Combine(root, "a", "b")]);

            Assert.Equal((int)ExitCode.Usage, result.ExitCode);
            Assert.Contains("--target kubernetes needs --stack", result.Error, StringComparison.Ordinal);
            Assert.Empty(Directory.EnumerateFileSystemEntries(root));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task AMissingPrerequisiteExits2NamingItAndTheInstallCommand()
    {
        var result = await StacksRunner.RunAsync("drill --drill rotation", new Dictionary<string, string> { ["PG_PLATFORM_PG_BIN"] = "/nonexistent/pg/bin" });

        Assert.Equal((int)ExitCode.TargetUnavailable, result.ExitCode);
        Assert.Contains("missing prerequisite: PostgreSQL 15 (/nonexistent/pg/bin/postgres)", result.Error, StringComparison.Ordinal);
        Assert.Contains("bash scripts/install-prereqs.sh", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("drill --target local --stack prod")]
    [InlineData("drill --target local --app linkding --data-size lots")]
    [InlineData("nightly --stack dev --target moon")]
    public async Task StackWithoutAppABadDataSizeAndAnUnknownNightlyTargetAreUsageErrors(string commandLine)
    {
        var result = await StacksRunner.RunAsync(commandLine);

        Assert.Equal((int)ExitCode.Usage, result.ExitCode);
        Assert.StartsWith("error: ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALocalDrillOfAnApplicationTheStackDoesNotDeclareFailsNamingThoseItDeclaresBeforeAnythingStarts()
    {
        var result = await StacksRunner.RunAsync(["drill", "--target", "local", "--stack", "prod", "--app", "gitea", "--project-dir", RepositoryRoot.Find()!]);

        Assert.Equal((int)ExitCode.Failed, result.ExitCode);
        Assert.Contains("stack 'prod' declares no database for application 'gitea' (it declares linkding, wikijs)", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("target:", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void SelectionRunsDrillsInRunOrderAndKeepsTheFault()
    {
        var error = DrillSelection.Parse("backup, failover", "kill-patroni", out var drills, out var fault);

        Assert.Null(error);
        Assert.Equal([DrillKind.Failover, DrillKind.Backup], drills);
        Assert.Equal(Fault.KillPatroni, fault);
    }

    [Fact]
    public void EveryFaultAffectsAtLeastOneDrill()
    {
        foreach (var name in DrillNames.FaultNames)
        {
            Assert.NotEmpty(DrillNames.Affected(DrillNames.ParseFault(name)!.Value));
        }
    }
}
