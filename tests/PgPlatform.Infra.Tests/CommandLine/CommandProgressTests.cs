using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;
using PgPlatform.Infra.CommandLine;
using PgPlatform.Infra.Reports;
using PgPlatform.Infra.Tests.Reports;
using PgPlatform.Stacks.Drills;
using PgPlatform.Stacks.Evidence;
using Spectre.Console;
using Spectre.Console.Testing;

namespace PgPlatform.Infra.Tests.CommandLine;

public sealed class CommandProgressTests
{
    [Theory]
    [InlineData(false, null, "auto", ProgressMode.Plain)]
    [InlineData(true, null, "auto", ProgressMode.Rich)]
    [InlineData(true, "xterm-256color", "auto", ProgressMode.Rich)]
    [InlineData(true, "dumb", "auto", ProgressMode.Plain)]
    [InlineData(true, null, "plain", ProgressMode.Plain)]
    [InlineData(false, null, "rich", ProgressMode.Rich)]
    public void LiveProgressOnlyOnATerminalThatIsNotDumbOrWhenAskedFor(bool terminal, string? term, string mode, ProgressMode expected)
    {
        var context = Context(new StringWriter(), terminal, new() { ["TERM"] = term });

        Assert.Equal(expected, CommandProgress.Choose(context, mode));
        Assert.Equal(expected == ProgressMode.Rich, CommandProgress.For(context, mode).IsLive);
    }

    [Fact]
    public async Task RedirectedOutputGetsTimestampedLinesAndAPlainTable()
    {
        var output = new StringWriter();
        var progress = CommandProgress.For(Context(output, terminal: false, []), "auto");

        var result = await progress.ShowAsync(() =>
        {
            var log = progress.Log.ForDatabase("linkding");
            log.Planned([DrillKind.Rotation]);
            log.DrillStarted(DrillKind.Rotation, Fault.None);
            log.DrillFinished(ResultSamples.Drill("rotation", DrillOutcome.Passed, 2.5, "new password logs in"));
            return Task.FromResult(7);
        });
        progress.WriteResults(ResultTable.Of(ResultSamples.Run(ResultSamples.Drill("rotation", DrillOutcome.Passed, 2.5, "new password logs in"))));

        Assert.Equal(7, result);
        Assert.Matches(@"^\[ +[0-9.]+ s\] linkding rotation: start\n\[ +[0-9.]+ s\] linkding rotation: passed in 2.5 s\ndrill +result +time +RTO +RPO +reason\nrotation +passed +2.5 s +- +- +new password logs in\n$", output.ToString().ReplaceLineEndings("\n"));
        Assert.DoesNotContain("\u001b[", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnATerminalTheLiveViewIsRedrawnWhileTheWorkRunsAndItsLastStateStays()
    {
        var console = new TestConsole().Width(140).EmitAnsiSequences();
        var progress = new CommandProgress(console, new FakeTimeProvider());

        await progress.ShowAsync(async () =>
        {
            var log = progress.Log.ForDatabase("wikijs");
            log.Planned([DrillKind.Failover, DrillKind.Backup]);
            log.DrillStarted(DrillKind.Failover, Fault.None);
            await Task.Delay(CommandProgress.RefreshInterval * 3);
            log.DrillFinished(ResultSamples.Drill("failover", DrillOutcome.Passed, 9, "promoted member-2"));
            return 0;
        });

        var output = WithoutAnsi(console.Output);
        Assert.Contains("running", output, StringComparison.Ordinal);
        var final = output[output.LastIndexOf("database", StringComparison.Ordinal)..];
        Assert.Matches(@"wikijs +│ failover +│ passed +│ +9 s │ +│", final);
        Assert.Matches(@"wikijs +│ backup +│ pending +│", final);
        Assert.DoesNotContain("running", final, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhatTheWorkThrowsReachesTheCommandAfterTheLiveViewEnds()
    {
        var progress = new CommandProgress(new TestConsole(), new FakeTimeProvider());

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => progress.ShowAsync<int>(() => throw new InvalidOperationException("target unavailable")));

        Assert.Equal("target unavailable", error.Message);
    }

    [Theory]
    [InlineData("1", true)]
    [InlineData("", false)]
    public async Task NoColorKeepsTheLiveViewButDropsItsColours(string noColor, bool colourless)
    {
        var output = new StringWriter();
        var progress = CommandProgress.For(Context(output, terminal: true, new() { ["NO_COLOR"] = noColor, ["TERM"] = "xterm-256color" }), "auto");

        await progress.ShowAsync(() => Task.FromResult(0));
        progress.WriteResults(ResultTable.Of(ResultSamples.Run(ResultSamples.Drill("rotation", DrillOutcome.Failed, 2.5, "old password still works"))));

        Assert.True(progress.IsLive);
        Assert.Contains("│ rotation │ FAILED │ 2.5 s │ -   │ -   │ old password still works │", WithoutAnsi(output.ToString()), StringComparison.Ordinal);
        Assert.Equal(colourless, progress.Console!.Profile.Capabilities.ColorSystem == ColorSystem.NoColors);
    }

    private static string WithoutAnsi(string output) => Regex.Replace(output, "\u001b\\[[0-9;?]*[A-Za-z]", "");

    private static CommandContext Context(TextWriter output, bool terminal, Dictionary<string, string?> environment) =>
        new(output, TextWriter.Null, name => environment.GetValueOrDefault(name), Directory.GetCurrentDirectory()) { OutputIsTerminal = terminal };
}
