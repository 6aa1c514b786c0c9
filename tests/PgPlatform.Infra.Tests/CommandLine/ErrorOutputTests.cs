using PgPlatform.Components.Model;
using PgPlatform.Components.Settings;
using PgPlatform.Infra.CommandLine;

namespace PgPlatform.Infra.Tests.CommandLine;

/// <summary>Every error ends in a newline and every stderr line of a failure is <c>error: ...</c> or an indented detail of one.</summary>
public sealed class ErrorOutputTests
{
    private static void AssertErrorLines(string error)
    {
        Assert.StartsWith("error: ", error, StringComparison.Ordinal);
        Assert.EndsWith("\n", error, StringComparison.Ordinal);
        Assert.All(error[..^1].Split('\n'), line => Assert.True(
            line.StartsWith("error: ", StringComparison.Ordinal) || (line.StartsWith("  ", StringComparison.Ordinal) && line.Trim().Length > 0),
            $"neither 'error: ...' nor an indented detail: '{line}'"));
    }

    [Theory]
    [InlineData("frobnicate", ExitCode.Usage)]
    [InlineData("synth --stack prod", ExitCode.Usage)]
    [InlineData("synth --stack prod --out x --bogus --bogus2", ExitCode.Usage)]
    [InlineData("check does-not-exist.yaml", ExitCode.Usage)]
    [InlineData("compile", ExitCode.Failed)]
    [InlineData("drill --drill nonsense", ExitCode.Usage)]
    [InlineData("drill --target kubernetes", ExitCode.Usage)]
    [InlineData("can-i get pods -n default --as system:serviceaccount:bad --stack prod", ExitCode.Usage)]
    public async Task AFailingCommandLinePrintsOnlyErrorLinesEachEndingInANewline(string commandLine, ExitCode expected)
    {
        var result = await InfraRunner.RunAsync(commandLine);

        Assert.Equal(expected, result.ExitCode);
        AssertErrorLines(result.Error);
    }

    [Fact]
    public async Task AUsageErrorNamesTheHelpOfTheCommandThatWasMeant()
    {
        var result = await InfraRunner.RunAsync("gitops pause --app linkding");

        Assert.Equal(ExitCode.Usage, result.ExitCode);
        AssertErrorLines(result.Error);
        Assert.EndsWith("\n  Run 'pg-platform gitops pause --help' for usage.\n", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void FailuresArrivingTogetherAreOneErrorLineEach()
    {
        // Stacks are modelled in parallel, so two bad stacks can fail at once.
        var error = new StringWriter { NewLine = "\n" };
        var context = new CommandContext(TextWriter.Null, error, _ => null, ".");

        var code = CommandRunner.Run(context, () => throw new AggregateException(
            new SettingsException("stack 'prod': bad tier. Fix: use production"),
            new DeclarationException("stack 'dev' selects application 'gitlab'", "use linkding")));

        Assert.Equal((int)ExitCode.Failed, code);
        AssertErrorLines(error.ToString());
        Assert.Equal("error: stack 'dev' selects application 'gitlab'. Fix: use linkding\nerror: stack 'prod': bad tier. Fix: use production\n", error.ToString());
    }

    [Fact]
    public async Task ContractViolationsAreAnErrorSummaryOnStderr()
    {
        var dir = Directory.CreateTempSubdirectory("pgp-errors-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "cluster.yaml"), "apiVersion: postgresql.cnpg.io/v1\nkind: Cluster\nmetadata: {name: db, namespace: app}\nspec: {instances: 1}\n");

            var result = await InfraRunner.RunAsync($"check {dir} --tier production");

            Assert.Equal(ExitCode.Failed, result.ExitCode);
            AssertErrorLines(result.Error);
            Assert.Matches(@"^error: \d+ violation\(s\) of \d+ rule\(s\) in 1 objects from 1 files\n$", result.Error);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task AMessageSpanningLinesKeepsItsLinesAsIndentedDetails()
    {
        var error = new StringWriter { NewLine = "\n" };
        var context = new CommandContext(TextWriter.Null, error, _ => null, ".");

        var code = await context.FailAsync(ExitCode.TargetUnavailable, "pulumi up failed:\r\nerror: quota exceeded\n\n  retry later\n");

        Assert.Equal((int)ExitCode.TargetUnavailable, code);
        Assert.Equal("error: pulumi up failed:\n  error: quota exceeded\n    retry later\n", error.ToString());
    }
}
