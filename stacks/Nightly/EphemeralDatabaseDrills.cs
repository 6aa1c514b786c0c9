using PgPlatform.Components.Declaration;
using PgPlatform.Components.Model;
using PgPlatform.Stacks.Drills;
using PgPlatform.Stacks.Ephemeral;
using PgPlatform.Stacks.Evidence;

namespace PgPlatform.Stacks.Nightly;

/// <summary>The nightly on Kubernetes: each database on its own ephemeral stack (<c>nightly-&lt;hex&gt;</c>), destroyed after its drills.</summary>
public sealed class EphemeralDatabaseDrills(EphemeralDrillRun run) : IDatabaseDrills
{
    /// <inheritdoc />
    public IReadOnlyList<CatalogEntry> Catalog => run.Catalog;

    /// <inheritdoc />
    public string Where => "an ephemeral stack";

    /// <inheritdoc />
    public Task<RunEvidence> RunAsync(DeclaredStack stack, string projectDirectory, string application, IReadOnlyList<DrillKind> suite, DrillLog log, CancellationToken cancellationToken) =>
        run.RunAsync(stack, projectDirectory, application, "nightly", suite, log, cancellationToken);
}
