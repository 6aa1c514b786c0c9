using System.Diagnostics;
using System.Text;
using PgPlatform.Infra.CommandLine;

namespace PgPlatform.Infra.Tests.Commands;

/// <summary>
/// Stack files are read within the same kind of limits as <c>check</c>'s manifests (README, "Limits"): a stack file
/// that cannot be read within them is one line naming the file, line and limit, exit 2, in bounded time.
/// </summary>
public sealed class SynthStackFileLimitsTests
{
    private static async Task<string> Refused(TempProject project, ExitCode code)
    {
        var clock = Stopwatch.StartNew();
        var result = await InfraRunner.RunAsync(["synth", "--stack", "prod", "--out", project.Out, "--project-dir", project.Directory]);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
        Assert.Equal(code, result.ExitCode);
        Assert.Matches(@"^error: [^\n]+\n$", result.Error);
        Assert.DoesNotContain("   at ", result.Error);
        Assert.False(Directory.Exists(project.Out), "nothing is written");
        return result.Error;
    }

    private static string Databases(int count) =>
        string.Concat(Enumerable.Range(0, count).Select(i => $"    - name: app{i}\n"));

    [Fact]
    public async Task AStackFileListingAHundredThousandDatabasesIsRefusedAtTheFileLimit()
    {
        using var project = new TempProject();
        project.Replace("Pulumi.prod.yaml", "  pg-platform:databases:\n", "  pg-platform:databases:\n" + Databases(100_000));
        var error = await Refused(project, ExitCode.Usage);
        Assert.Matches(@"^error: Pulumi\.prod\.yaml: [0-9],[0-9]{3},[0-9]{3} bytes exceeds the limit of 1 MiB per file \(README, 'Limits'\)", error);
    }

    [Fact]
    public async Task MoreDatabasesThanTheLimitPerStackAreRefused()
    {
        using var project = new TempProject();
        project.Replace("Pulumi.prod.yaml", "  pg-platform:databases:\n", "  pg-platform:databases:\n" + Databases(101));
        var error = await Refused(project, ExitCode.Failed);
        Assert.Contains("setting 'pg-platform:databases' in Pulumi.prod.yaml lists 103 databases, more than the limit of 100 per stack (README, 'Limits')", error);
    }

    [Fact]
    public async Task AnAliasBombInAStackFileIsRefusedAtItsAliasLimit()
    {
        var bomb = new StringBuilder("  x0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var i = 1; i <= 10; i++)
        {
            bomb.Append($"  x{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 9))}]\n");
        }

        using var project = new TempProject();
        project.Write("Pulumi.prod.yaml", "config:\n" + bomb);
        var error = await Refused(project, ExitCode.Usage);
        Assert.Equal("error: Pulumi.prod.yaml:6:12: input limit exceeded: aliases expand to more than 10,000 nodes (limit: alias expansion per file; an alias bomb?) (README, 'Limits'). Fix: a stack file lists settings, not data; remove what repeats\n", error);
    }

    [Fact]
    public async Task ADeeplyNestedStackFileIsRefusedAtTheDepthLimit()
    {
        using var project = new TempProject();
        project.Write("Pulumi.prod.yaml", "config:\n  x: " + new string('[', 5000) + new string(']', 5000) + "\n");
        var error = await Refused(project, ExitCode.Usage);
        Assert.StartsWith("error: Pulumi.prod.yaml:2:", error);
        Assert.Contains("nested more than 32 levels deep (limit: nesting depth)", error);
    }

    [Fact]
    public async Task AStackFileThatIsAFifoIsRefusedWithoutWaitingForAWriter()
    {
        using var project = new TempProject();
        File.Delete(Path.Combine(project.Directory, "Pulumi.prod.yaml"));
        using (var mkfifo = Process.Start("mkfifo", Path.Combine(project.Directory, "Pulumi.prod.yaml")))
        {
            await mkfifo.WaitForExitAsync();
        }

        var error = await Refused(project, ExitCode.Usage);
        Assert.Equal("error: Pulumi.prod.yaml: not a regular file (a FIFO, socket or device), refused: it could block or never end. Fix: pass a regular file\n", error);
    }

    [Fact]
    public async Task AnEmptyDatabaseListIsRefusedBecauseDeployingItDeletesTheDatabases()
    {
        using var project = new TempProject();
        var text = project.Read("Pulumi.prod.yaml");
        project.Write("Pulumi.prod.yaml", text[..text.IndexOf("  pg-platform:databases:", StringComparison.Ordinal)] + "  pg-platform:databases: []\n");
        var error = await Refused(project, ExitCode.Failed);
        Assert.Contains("setting 'pg-platform:databases' in Pulumi.prod.yaml is an empty list: the stack would deploy no database, and deploying it deletes every database it deployed before", error);
    }
}
