using PgPlatform.Components.Declaration;
using PgPlatform.Components.Model;
using PgPlatform.Stacks.Drills;
using PgPlatform.Stacks.Evidence;
using PgPlatform.Stacks.Nightly;

namespace PgPlatform.Stacks.Tests.Nightly;

/// <summary>A per-database drill seam that drills nothing: it records which databases it was asked for, in order, and passes or fails them as told.</summary>
internal sealed class RecordingDatabaseDrills(params string[] applications) : IDatabaseDrills
{
    private readonly Lock _gate = new();

    /// <summary>Applications asked for, in the order asked.</summary>
    public List<string> Drilled { get; } = [];

    /// <summary>Applications whose drill fails.</summary>
    public HashSet<string> Failing { get; } = [];

    /// <inheritdoc />
    public IReadOnlyList<CatalogEntry> Catalog { get; } = TestCatalog.Of(applications);

    /// <inheritdoc />
    public string Where => "a recording fake";

    /// <inheritdoc />
    public Task<RunEvidence> RunAsync(DeclaredStack stack, string projectDirectory, string application, IReadOnlyList<DrillKind> suite, DrillLog log, CancellationToken cancellationToken)
    {
        // As the real seams do: only a database the stack declares is drilled.
        _ = stack.Database(application);
        lock (_gate)
        {
            Drilled.Add(application);
        }

        var passed = !Failing.Contains(application);
        var drills = suite.Select((kind, i) => FleetSamples.Drill(DrillNames.Name(kind), passed, i, rto: kind == DrillKind.Failover ? 4.25 : null)).ToList();
        return Task.FromResult(new RunEvidence { Target = "local", Fault = "none", StartedAt = FleetSamples.Night, Drills = drills, Timings = [] });
    }
}
