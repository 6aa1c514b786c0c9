using System.Text.RegularExpressions;
using PgPlatform.Stacks.Drills;
using PgPlatform.Stacks.Evidence;

namespace PgPlatform.Stacks.Tests.Drills;

public sealed class DrillLogTests
{
    [Fact]
    public void ThePlainLogNamesTheDatabaseOfEachLineAndTheNightlyLinesAsTheyAre()
    {
        var output = new StringWriter();
        var log = new DrillLog(output).ForDatabase("linkding");

        log.Planned([DrillKind.Failover, DrillKind.Restore]);
        log.Write("target", "Patroni cluster up");
        log.DrillStarted(DrillKind.Failover, Fault.KillPatroni);
        log.DrillFinished(Evidence(DrillOutcome.Failed, reason: "no new primary"));
        log.DrillStarted(DrillKind.Failover, Fault.None);
        log.DrillFinished(Evidence(DrillOutcome.NotApplicable, notApplicable: "1 instance (tier development)"));
        log.DrillFinished(Evidence(DrillOutcome.Passed, reason: "promoted member-2"));
        log.DrillFinished(Evidence(DrillOutcome.NotRun, reason: "not run: the target was unfit"));
        log.DatabaseFinished("linkding", passed: false, "target unavailable");

        Assert.Equal(
            [
                "linkding target: Patroni cluster up",
                "linkding failover: start, with fault kill-patroni",
                "linkding failover: FAILED in 12.3 s: no new primary",
                "linkding failover: start",
                "linkding failover: not applicable: 1 instance (tier development)",
                "linkding failover: passed in 12.3 s",
                "nightly: linkding: FAILED",
            ],
            Lines(output).Select(l => Stamp.Match(l) is { Success: true } stamp ? l[stamp.Length..] : $"unstamped: {l}"));
    }

    [Fact]
    public void EveryEventCarriesItsDatabaseAndWhatALiveViewNeeds()
    {
        var events = new Recorder();
        var log = new DrillLog(events);

        log.ForDatabase("wikijs").Planned([DrillKind.Rotation, DrillKind.Backup]);
        log.ForDatabase("wikijs").DrillFinished(Evidence(DrillOutcome.NotApplicable, notApplicable: "1 instance (tier development)"));
        log.Write("nightly", "run-wide");

        Assert.Equal(3, events.Seen.Count);
        Assert.Equal((DrillProgressKind.Planned, "wikijs", (string?)null), (events.Seen[0].Kind, events.Seen[0].Database, events.Seen[0].Message));
        Assert.Equal(["rotation", "backup"], events.Seen[0].Drills);
        Assert.Equal(("failover", DrillOutcome.NotApplicable, 12.3, "1 instance (tier development)"), (events.Seen[1].Drill, events.Seen[1].Outcome, events.Seen[1].DurationSeconds, events.Seen[1].Reason));
        Assert.Null(events.Seen[2].Database);
    }

    private static readonly Regex Stamp = new(@"^\[ +[0-9]+\.[0-9] s\] ");

    private static string[] Lines(StringWriter output) => output.ToString().ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');

    private static DrillEvidence Evidence(DrillOutcome outcome, string reason = "", string? notApplicable = null) => new()
    {
        Drill = "failover",
        Target = "local",
        Fault = "none",
        Outcome = outcome,
        NotApplicableReason = notApplicable,
        Reason = notApplicable is null ? reason : $"not applicable: {notApplicable}",
        StartedAt = DateTimeOffset.UnixEpoch,
        DurationSeconds = 12.3,
        OperatorVersion = "Patroni",
        PostgresImage = "PostgreSQL 15",
        StorageClass = "local",
    };

    private sealed class Recorder : IDrillProgress
    {
        public List<DrillProgressEvent> Seen { get; } = [];

        public void Report(DrillProgressEvent progress) => Seen.Add(progress);
    }
}
