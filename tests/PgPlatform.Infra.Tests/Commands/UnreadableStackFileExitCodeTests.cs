using System.Diagnostics;
using PgPlatform.Infra.CommandLine;

namespace PgPlatform.Infra.Tests.Commands;

/// <summary>
/// A stack file that cannot be read at all is the same error with the same exit code (2, README "Exit codes") for
/// every command that reads one, before anything is stood up; a stack file that is read but wrong is exit 1 for all.
/// </summary>
public sealed class UnreadableStackFileExitCodeTests
{
    public static TheoryData<string> Commands => new()
    {
        "synth --stack prod --out {out}",
        "cost --stack prod",
        "drill --target local --stack prod --app linkding --out {out}",
        "nightly --stack prod --target local --out {out}",
        "nightly --stack prod --plan",
        "rotate --stack prod --app linkding",
    };

    private static async Task<InfraRunner.Result> RunAsync(TempProject project, string commandLine)
    {
        var args = commandLine.Replace("{out}", project.Out, StringComparison.Ordinal).Split(' ').Append("--project-dir").Append(project.Directory).ToArray();
        var clock = Stopwatch.StartNew();
        var result = await InfraRunner.RunAsync(args);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"{commandLine} took {clock.Elapsed}: it should stop at the stack file");
        Assert.DoesNotContain("   at ", result.Error);
        return result;
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task MalformedYamlInTheStackFileIsAUsageErrorNamingFileLineAndColumn(string commandLine)
    {
        using var project = new TempProject();
        project.Write("Pulumi.prod.yaml", "config:\n  pg-platform:tier: production\n  pg-platform:databases: [linkding\n");
        var result = await RunAsync(project, commandLine);
        Assert.Equal(ExitCode.Usage, result.ExitCode);
        Assert.Matches(@"^error: Pulumi\.prod\.yaml:[0-9]+:[0-9]+: malformed YAML: [^\n]+\n$", result.Error);
        Assert.Equal((await RunAsync(project, "synth --stack prod --out {out}")).Error, result.Error);
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task AStackFileBeyondItsLimitsIsAUsageError(string commandLine)
    {
        using var project = new TempProject();
        project.Write("Pulumi.prod.yaml", "config:\n  x: " + new string('[', 100) + new string(']', 100) + "\n");
        var result = await RunAsync(project, commandLine);
        Assert.Equal(ExitCode.Usage, result.ExitCode);
        Assert.Contains("nested more than 32 levels deep (limit: nesting depth)", result.Error);
        Assert.Equal((await RunAsync(project, "synth --stack prod --out {out}")).Error, result.Error);
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task AStackFileThatIsReadButWrongIsAFailure(string commandLine)
    {
        using var project = new TempProject();
        project.Replace("Pulumi.prod.yaml", "  pg-platform:databases:\n", "  pg-platform:databases:\n    - 42\n");
        var result = await RunAsync(project, commandLine);
        Assert.Equal(ExitCode.Failed, result.ExitCode);
        Assert.StartsWith("error: ", result.Error);
        Assert.Contains("Pulumi.prod.yaml", result.Error);
    }
}
