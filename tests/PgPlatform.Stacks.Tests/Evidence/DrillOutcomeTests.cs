using System.Text.Json;
using PgPlatform.Stacks.Drills;
using PgPlatform.Stacks.Evidence;
using PgPlatform.Stacks.Tests.Nightly;

namespace PgPlatform.Stacks.Tests.Evidence;

/// <summary>The four outcomes of a drill: how each reads in evidence and what it does to the run's verdict.</summary>
public sealed class DrillOutcomeTests
{
    private static DrillEvidence Drill(string name, DrillOutcome outcome) => FleetSamples.Drill(name, passed: true, 0) with { Outcome = outcome, Reason = $"{name} {outcome}" };

    private static RunEvidence Run(string? teardownError, params DrillEvidence[] drills) => new()
    {
        Target = "local", Fault = "none", StartedAt = FleetSamples.Night, Drills = drills, Timings = [], TeardownError = teardownError,
    };

    [Fact]
    public void ARunPassesWhenADrillPassedAndTheOthersPassedOrDidNotApply()
    {
        Assert.True(Run(null, Drill("failover", DrillOutcome.Passed), Drill("backup", DrillOutcome.NotApplicable)).Passed);
        Assert.True(Run(null, Drill("failover", DrillOutcome.Passed)).Passed);
    }

    [Fact]
    public void ARunFailsOnAFailedOrNotRunDrillOnNothingProvedAndOnAFailedTeardown()
    {
        Assert.False(Run(null, Drill("failover", DrillOutcome.Passed), Drill("restore", DrillOutcome.NotRun)).Passed);
        Assert.False(Run(null, Drill("failover", DrillOutcome.Passed), Drill("restore", DrillOutcome.Failed)).Passed);
        Assert.False(Run(null, Drill("backup", DrillOutcome.NotApplicable)).Passed);
        Assert.False(Run(null).Passed);
        Assert.False(Run("stack drill-1 left behind", Drill("failover", DrillOutcome.Passed)).Passed);
    }

    [Fact]
    public void JsonNamesTheOutcomeKeepsPassedAndRoundTrips()
    {
        var run = Run(null, Drill("failover", DrillOutcome.Failed), Drill("restore", DrillOutcome.NotRun), Drill("backup", DrillOutcome.NotApplicable), Drill("rotation", DrillOutcome.Passed));

        var json = EvidenceWriter.ToJson(run);

        using var document = JsonDocument.Parse(json);
        var drills = document.RootElement.GetProperty("drills").EnumerateArray().ToList();
        Assert.Equal(["failed", "not-run", "not-applicable", "passed"], drills.Select(d => d.GetProperty("outcome").GetString()));
        Assert.Equal([false, false, false, true], drills.Select(d => d.GetProperty("passed").GetBoolean()));
        Assert.Equal(run.Drills.Select(d => d.Outcome), EvidenceWriter.FromJson(json).Drills.Select(d => d.Outcome));
    }

    [Fact]
    public void MarkdownShowsEachOutcomeInTheSummaryAndTheDrillHeadings()
    {
        var markdown = EvidenceWriter.ToMarkdown(Run(null, Drill("failover", DrillOutcome.Failed), Drill("restore", DrillOutcome.NotRun), Drill("backup", DrillOutcome.NotApplicable)));

        Assert.StartsWith("# Drill evidence: local target, FAILED\n", markdown, StringComparison.Ordinal);
        Assert.Contains("| restore | NOT RUN | not applicable | not applicable | restore NotRun |", markdown, StringComparison.Ordinal);
        Assert.Contains("| backup | not applicable |", markdown, StringComparison.Ordinal);
        Assert.Contains("## restore: NOT RUN\n", markdown, StringComparison.Ordinal);
        Assert.Contains("| result | NOT RUN |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void ADrillMarkedNotRunIsNotRunWhateverItRecordedWithTheReason()
    {
        var recorder = new DrillRecorder(DrillKind.Restore, new FakeDrillTarget("linkding"), Fault.None, DrillLog.Silent);
        recorder.Pass("something observed before");

        recorder.NotRun("not run: the failover drill's fault kill-patroni left the target unfit");
        var evidence = recorder.Finish();

        Assert.Equal(DrillOutcome.NotRun, evidence.Outcome);
        Assert.False(evidence.Passed);
        Assert.Equal("not run: the failover drill's fault kill-patroni left the target unfit", evidence.Reason);
        Assert.Equal("none", evidence.Fault);
    }

    [Fact]
    public void OnlyKillPatroniLeavesTheTargetUnfitForLaterDrills()
    {
        Assert.Contains("split brain", DrillNames.LeavesTargetUnfit(Fault.KillPatroni), StringComparison.Ordinal);
        Assert.All(Enum.GetValues<Fault>().Where(f => f != Fault.KillPatroni), f => Assert.Null(DrillNames.LeavesTargetUnfit(f)));
    }
}
