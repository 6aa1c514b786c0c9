using System.Diagnostics;
using PgPlatform.Components.Serialization;
using PgPlatform.Components.Settings;
using PgPlatform.Infra.CommandLine;
using PgPlatform.Testing;

namespace PgPlatform.Infra.Tests.Commands;

/// <summary>
/// Pulumi.yaml's compiler as Pulumi runs it: the script publishes the infra program once, runs the published
/// program while no source changed, and publishes again when a source is newer than the last publish.
/// </summary>
public sealed class PulumiCompilerTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("pgp-compiler-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void PulumiYamlRunsTheCompilerScript()
    {
        var project = YamlReader.Read(File.ReadAllText(Path.Combine(SharedSchemas.RepoRoot, "Pulumi.yaml")))!;
        Assert.Equal("pg-platform", (string?)project["name"]);
        Assert.Equal("yaml", (string?)project["runtime"]!["name"]);
        Assert.Equal("bash scripts/pulumi-compile.sh compile", (string?)project["runtime"]!["options"]!["compiler"]);
    }

    [Fact]
    public async Task TheScriptPublishesOnceReusesThePublishAndPublishesAgainWhenASourceIsNewer()
    {
        var config = StackConfigSources.ToPulumiConfigJson(StackConfigSources.FromStackFile(Path.Combine(SharedSchemas.RepoRoot, "Pulumi.dev.yaml")));
        var expected = await InfraRunner.RunAsync(["compile"], new Dictionary<string, string> { ["PULUMI_STACK"] = "dev", ["PULUMI_CONFIG"] = config });
        Assert.Equal(ExitCode.Success, expected.ExitCode);

        var first = Compile(config);
        Assert.Contains("publishing the infra program", first.Error, StringComparison.Ordinal);
        Assert.Equal(expected.Out, first.Out);

        var second = Compile(config);
        Assert.DoesNotContain("publishing", second.Error, StringComparison.Ordinal);
        Assert.Equal(expected.Out, second.Out);

        // As if a C# file had been edited after the last publish: every source is now newer than the stamp.
        File.SetLastWriteTimeUtc(Path.Combine(_dir, ".built"), new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        var third = Compile(config);
        Assert.Contains("publishing the infra program", third.Error, StringComparison.Ordinal);
        Assert.Equal(expected.Out, third.Out);
    }

    private (int Exit, string Out, string Error) Compile(string config)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = SharedSchemas.RepoRoot };
        start.ArgumentList.Add("scripts/pulumi-compile.sh");
        start.ArgumentList.Add("compile");
        start.Environment["PULUMI_STACK"] = "dev";
        start.Environment["PULUMI_CONFIG"] = config;
        start.Environment["PGP_COMPILER_DIR"] = _dir;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(8)), "the compiler script did not finish within 8 minutes");
        Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}: {error.Result}");
        return (process.ExitCode, output.Result, error.Result);
    }
}
