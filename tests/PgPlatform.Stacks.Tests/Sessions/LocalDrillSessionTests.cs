using PgPlatform.Infra.Platform;
using PgPlatform.Stacks.Drills;
using PgPlatform.Stacks.Evidence;
using PgPlatform.Stacks.Sessions;
using PgPlatform.Stacks.Targets.Local;
using PgPlatform.Stacks.Tests.Targets.Local;
using Xunit.Abstractions;

namespace PgPlatform.Stacks.Tests.Sessions;

public sealed class LocalDrillSessionTests(ITestOutputHelper output)
{
    [Fact]
    public async Task DevLinkdingRunsOneInstanceWhoseFailoverIsNotApplicableAndTheEvidenceStatesTheVersionMismatch()
    {
        var shape = DeclaredShape.Of(RepositoryRoot.Find()!, "dev", "linkding", ApplicationCatalog.All);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));

        // PostgreSQL 17 switched off (PG_PLATFORM_PG17_DIR=none): Debian's 15 runs where 17 is declared, and the evidence says so.
        var run = await LocalDrillSession.RunAsync([DrillKind.Failover, DrillKind.Rotation], Fault.None, new LocalTargetOptions { Postgres17Directory = null }, shape, new DrillLog(new TestOutputWriter(output)), timeout.Token);

        var failover = run.Drills.Single(d => d.Drill == "failover");
        Assert.Equal(("not applicable", "not applicable: 1 instance (tier development)"), (failover.Status, failover.Reason));
        Assert.True(run.Drills.Single(d => d.Drill == "rotation").Passed);
        Assert.True(run.Passed);
        var recorded = run.Shape!;
        Assert.Equal((1, "development", "linkding", "linkding"), (recorded.Instances, recorded.Tier, recorded.Database, recorded.Owner));
        Assert.StartsWith("asynchronous", recorded.Replication, StringComparison.Ordinal);
        Assert.StartsWith("rw 127.0.0.1:", recorded.Endpoint, StringComparison.Ordinal);
        Assert.StartsWith("15.", recorded.RanVersion, StringComparison.Ordinal);
        var markdown = EvidenceWriter.ToMarkdown(run);
        Assert.Contains("Drilled: stack dev, application linkding, tier development.", markdown, StringComparison.Ordinal);
        Assert.Contains("**MAJOR VERSION MISMATCH: the stack declares PostgreSQL 17", markdown, StringComparison.Ordinal);
    }
}
