using PgPlatform.Components.Declaration;
using PgPlatform.Components.Model;
using PgPlatform.Stacks.Drills;
using PgPlatform.Stacks.Evidence;
using PgPlatform.Stacks.Nightly;
using PgPlatform.Stacks.Targets.Local;

namespace PgPlatform.Stacks.Sessions;

/// <summary>
/// The nightly on the embedded target: each database on a fresh local target shaped as declared
/// (<see cref="LocalShape.FromDeclaration"/>), with its application from <paramref name="applicationOf"/> (schema, data
/// size, budgets; null drills it without one), torn down after its drills. Targets started side by side share nothing:
/// each has its own run directory (<c>pg-platform-local-PID-RANDOM</c>), ports from <see cref="PortAllocator"/>, etcd,
/// Azurite and HAProxy.
/// </summary>
public sealed class LocalDatabaseDrills(IReadOnlyList<CatalogEntry> catalog, LocalTargetOptions options, Func<DeclaredDatabase, DrillApplication?>? applicationOf = null) : IDatabaseDrills
{
    /// <inheritdoc />
    public IReadOnlyList<CatalogEntry> Catalog => catalog;

    /// <inheritdoc />
    public string Where => "a local target shaped as declared";

    /// <inheritdoc />
    public async Task<RunEvidence> RunAsync(DeclaredStack stack, string projectDirectory, string application, IReadOnlyList<DrillKind> suite, DrillLog log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stack);
        ArgumentNullException.ThrowIfNull(log);
        var database = stack.Database(application);
        var shape = LocalShape.FromDeclaration(stack.Settings.Stack, database);
        log.Write("nightly", $"{application}: {shape.Subject}, {shape.Instances} instance(s)");
        var drilled = applicationOf?.Invoke(database);
        RunEvidence evidence;
        try
        {
            evidence = await LocalDrillSession.RunAsync(suite, Fault.None, options, shape, log, cancellationToken, application: drilled);
        }
        catch (Exception e) when (e is not OperationCanceledException && cancellationToken.IsCancellationRequested)
        {
            // A target that failed while it was being stopped was stopped, not broken.
            throw new OperationCanceledException($"stopped: {e.Message}", e, cancellationToken);
        }

        // A drill cut short by cancellation may have ended as a failed drill instead of throwing; the target is torn down
        // either way, and a run cut short was stopped, not failed.
        cancellationToken.ThrowIfCancellationRequested();
        return evidence;
    }
}
