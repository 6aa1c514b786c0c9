using PgPlatform.Components.Declaration;
using PgPlatform.Components.Model;
using PgPlatform.Stacks.Drills;
using PgPlatform.Stacks.Evidence;

namespace PgPlatform.Stacks.Nightly;

/// <summary>
/// How the nightly drills one database: on Kubernetes an ephemeral stack per database (<see cref="EphemeralDatabaseDrills"/>),
/// on the embedded target a local target shaped as declared (<c>Sessions/LocalDatabaseDrills</c>). The scheduler, the
/// window, the evidence store and the fleet report are the same for both.
/// </summary>
public interface IDatabaseDrills
{
    /// <summary>The organisation's applications, against which the stack is declared.</summary>
    IReadOnlyList<CatalogEntry> Catalog { get; }

    /// <summary>Where a database is drilled, for progress lines (e.g. "an ephemeral stack").</summary>
    string Where { get; }

    /// <summary>
    /// Runs <paramref name="suite"/> for <paramref name="application"/> of <paramref name="stack"/> on a target of its own and
    /// tears that target down whatever happens. When <paramref name="cancellationToken"/> is cancelled (the window's end, an
    /// interrupt) it throws <see cref="OperationCanceledException"/> once everything it stood up is gone. A database that
    /// could not be drilled throws (e.g. <see cref="Targets.TargetUnavailableException"/>, <see cref="DeclarationException"/>);
    /// the nightly records that as its failure and goes on.
    /// </summary>
    Task<RunEvidence> RunAsync(DeclaredStack stack, string projectDirectory, string application, IReadOnlyList<DrillKind> suite, DrillLog log, CancellationToken cancellationToken);
}
