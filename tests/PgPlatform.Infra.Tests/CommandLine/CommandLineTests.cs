using PgPlatform.Infra.Commands;
using PgPlatform.Infra.CommandLine;

namespace PgPlatform.Infra.Tests.CommandLine;

public sealed class CommandLineTests
{
    [Theory]
    [InlineData("synth --out x")]
    [InlineData("synth --stack prod")]
    [InlineData("synth --stack prod --out x --bogus")]
    [InlineData("frobnicate")]
    public async Task UsageErrorsExitTwoAndSaySo(string commandLine)
    {
        var result = await InfraRunner.RunAsync(commandLine);
        Assert.Equal(ExitCode.Usage, result.ExitCode);
        Assert.Contains("error:", result.Error);
        Assert.Contains("--help", result.Error);
    }

    [Fact]
    public async Task HelpListsTheCommands()
    {
        var result = await InfraRunner.RunAsync("--help");
        Assert.Equal(ExitCode.Success, result.ExitCode);
        foreach (var command in new[] { "compile", "synth", "check", "rules", "can-i", "drill", "nightly", "gitops" })
        {
            Assert.Contains(command, result.Out);
        }

        // The benchmark harness is its own program (bench/), not a command users of the product see.
        Assert.DoesNotContain("bench", result.Out);
    }

    [Fact]
    public void SynthOptionsAreInspectable()
    {
        var synth = new SynthCommand(CommandContext.FromProcess());
        var parse = synth.Parse("--stack prod --out dir --project-dir p");
        Assert.Empty(parse.Errors);
        Assert.Equal("prod", parse.GetValue(synth.Stack));
        Assert.Equal("dir", parse.GetValue(synth.Out));
        Assert.Equal("p", parse.GetValue(synth.ProjectDir));
    }

    [Fact]
    public async Task CompileWithoutPulumiStackExplainsHowToRunIt()
    {
        var result = await InfraRunner.RunAsync("compile");
        Assert.Equal(ExitCode.Failed, result.ExitCode);
        Assert.Contains("PULUMI_STACK is not set", result.Error);
        Assert.Equal("", result.Out);
    }

    [Fact]
    public async Task CompileWithMalformedPulumiConfigFailsClearly()
    {
        var result = await InfraRunner.RunAsync("compile", new Dictionary<string, string> { ["PULUMI_STACK"] = "prod", ["PULUMI_CONFIG"] = "{not json" });
        Assert.Equal(ExitCode.Failed, result.ExitCode);
        Assert.Contains("PULUMI_CONFIG is not valid JSON", result.Error);
    }
}
