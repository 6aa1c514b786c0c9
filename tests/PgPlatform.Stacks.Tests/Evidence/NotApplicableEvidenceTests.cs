using PgPlatform.Stacks.Drills;
using PgPlatform.Stacks.Evidence;
using PgPlatform.Stacks.Nightly;
using PgPlatform.Stacks.Targets;

namespace PgPlatform.Stacks.Tests.Evidence;

public sealed class NotApplicableEvidenceTests
{
    private sealed class FailoverOnOneInstance : IFailoverTarget
    {
        public string Name => "local";

        public TargetFacts Facts { get; } = new("patroni 3.0.2", "postgresql 15.15", "local disk", Components.Tiers.ReplicationDurability.Asynchronous, "development");

        public string ReadWriteConnectionString => "Host=127.0.0.1";

        public string SuperuserReadWriteConnectionString => "Host=127.0.0.1";

        public IReadOnlyList<ClusterMember> Members { get; } = [new("member-1", "Host=127.0.0.1;Port=1")];

        public Task KillAsync(ClusterMember primary, PrimaryKill kill, CancellationToken cancellationToken) => throw new InvalidOperationException("a one-instance failover must not kill anything");

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private static DrillEvidence Passed(string drill) => new()
    {
        Drill = drill, Target = "local", Fault = "none", Outcome = DrillOutcome.Passed, Reason = "observed", StartedAt = DateTimeOffset.UnixEpoch,
        DurationSeconds = 1, OperatorVersion = "patroni 3.0.2", PostgresImage = "postgresql 15.15", StorageClass = "local disk",
    };

    [Fact]
    public async Task AFailoverOnOneInstanceIsNotApplicableNamingTheTierNeverPassedAndKillsNothing()
    {
        using var log = new StringWriter();
        var evidence = await DrillRunner.RunOneAsync(new FailoverOnOneInstance(), DrillKind.Failover, Fault.None, new DrillLog(log), CancellationToken.None);

        Assert.False(evidence.Passed);
        Assert.Contains("failover: not applicable: 1 instance (tier development)", log.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("FAILED", log.ToString(), StringComparison.Ordinal);
        Assert.Equal(("not applicable", "1 instance (tier development)"), (evidence.Status, evidence.NotApplicableReason));
        Assert.Equal("not applicable: 1 instance (tier development)", evidence.Reason);
    }

    [Fact]
    public async Task ARunWhoseOtherDrillsPassedPassesAndEveryReportShowsTheDrillAsNotApplicable()
    {
        var failover = await DrillRunner.RunOneAsync(new FailoverOnOneInstance(), DrillKind.Failover, Fault.None, new DrillLog(TextWriter.Null), CancellationToken.None);
        var run = new RunEvidence { Target = "local", Fault = "none", StartedAt = DateTimeOffset.UnixEpoch, Drills = [failover, Passed("rotation")], Timings = [] };
        var onlyNotApplicable = run with { Drills = [failover] };
        var fleet = new FleetReport { Stack = "dev", StartedAt = DateTimeOffset.UnixEpoch, Applications = [new ApplicationRun("linkding", run, null)] };

        Assert.True(run.Passed);
        Assert.False(onlyNotApplicable.Passed);
        Assert.Contains("| failover | not applicable | not applicable | not applicable | not applicable: 1 instance (tier development) |", EvidenceWriter.ToMarkdown(run), StringComparison.Ordinal);
        Assert.Contains("\"status\": \"not applicable\"", EvidenceWriter.ToJson(run), StringComparison.Ordinal);
        var markdown = FleetReportWriter.ToMarkdown(fleet);
        Assert.Contains("| linkding | failover | not applicable |", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("## Failures", markdown, StringComparison.Ordinal);
        var metrics = PrometheusTextfile.Render(fleet, new Dictionary<(string App, string Drill), double>());
        Assert.Contains("pg_platform_drill_success{app=\"linkding\",drill=\"rotation\"} 1", metrics, StringComparison.Ordinal);
        Assert.DoesNotContain("drill=\"failover\"", metrics, StringComparison.Ordinal);
    }
}
