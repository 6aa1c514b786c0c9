using PgPlatform.Components.Declaration;
using PgPlatform.Components.Model;
using PgPlatform.Components.Settings;
using PgPlatform.Stacks.Ephemeral;
using PgPlatform.Stacks.Nightly.Cost;

using PgPlatform.Stacks.Nightly.Scheduling;

namespace PgPlatform.Stacks.Nightly;

/// <summary>The declared databases of a stack as the scheduler sees them.</summary>
public static class FleetDatabases
{
    /// <summary>
    /// Each database of <paramref name="stack"/>, with the footprint its drill holds: the ephemeral drill stack and its
    /// restore stack exactly as the drill declares them (<see cref="EphemeralDatabaseStack"/>), so the numbers are the ones deployed.
    /// </summary>
    public static IReadOnlyList<FleetDatabase> Of(DeclaredStack stack, IReadOnlyList<CatalogEntry> catalog)
    {
        ArgumentNullException.ThrowIfNull(stack);
        return [.. stack.Databases.Select(db => new FleetDatabase(stack.Settings.Stack, db.Application, DatabaseResources.Of(db).Team, stack.Settings.Tier, DrillFootprintOf(stack, db.Application, catalog)))];
    }

    /// <summary>What a drill of <paramref name="application"/> holds while it runs.</summary>
    public static DrillFootprint DrillFootprintOf(DeclaredStack stack, string application, IReadOnlyList<CatalogEntry> catalog)
    {
        ArgumentNullException.ThrowIfNull(stack);
        DrillFootprint Declared(bool restore)
        {
            var recovery = restore ? new RecoverySelection { Stack = "footprint" } : null;
            var settings = EphemeralDatabaseStack.Settings(stack.Settings, application, restore ? "footprint-restore" : "footprint", recovery);
            var resources = DatabaseResources.Of(DeclaredStack.Declare(settings, catalog).Database(application));
            return new DrillFootprint(resources.TotalCpuCores, resources.TotalMemoryGiB, resources.TotalDiskGiB);
        }

        return Declared(restore: false) + Declared(restore: true);
    }
}
