using PgPlatform.Components.Contract;
using PgPlatform.Components.Declaration;
using PgPlatform.Components.Model;
using PgPlatform.Components.Settings;
using PgPlatform.Infra.CommandLine;
using PgPlatform.Stacks.Nightly;
using PgPlatform.Stacks.Nightly.EvidenceStore;
using PgPlatform.Stacks.Nightly.Scheduling;
using PgPlatform.Stacks.Sessions;
using PgPlatform.Stacks.Targets;
using PgPlatform.Stacks.Targets.Local;

namespace PgPlatform.Infra.Commands;

/// <summary>
/// <c>nightly --plan</c>: tonight's standing per database (last drilled, due or not and why, expected duration measured
/// or default) and the simulated nights over the stack's databases (or clones of them). With <c>--target local</c> and
/// no other store it reads the embedded evidence store on <c>&lt;--out&gt;/evidence-store</c> when one exists (never creating one).
/// </summary>
/// <param name="Context">The command's console and environment.</param>
/// <param name="Now">The standing's "now"; the simulation itself uses simulated time only.</param>
public sealed record NightlyPlan(CommandContext Context, DateTimeOffset Now)
{
    /// <summary>Prints the plan; exit 0 when no database would breach its objective, 1 when some would.</summary>
    public async Task<int> RunAsync(DeclaredStack declared, IReadOnlyList<CatalogEntry> catalog, int? fleetSize, SchedulerOptions schedule, IEvidenceStore? store, string? embeddedStoreDirectory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(declared);
        ArgumentNullException.ThrowIfNull(schedule);
        LocalEvidenceStore? embedded = null;
        try
        {
            var templates = FleetDatabases.Of(declared, catalog);
            var fleet = FleetPlan.Grow(templates, fleetSize);
            if (store is null && embeddedStoreDirectory is not null)
            {
                if (Directory.Exists(embeddedStoreDirectory))
                {
                    embedded = await LocalEvidenceStore.StartAsync(embeddedStoreDirectory, LocalTargetOptions.FromEnvironment(Context.GetEnvironmentVariable), cancellationToken);
                    store = embedded.Store;
                }
                else
                {
                    await Context.Out.WriteAsync($"evidence: no evidence yet: default durations ({embeddedStoreDirectory} does not exist)\n");
                }
            }

            var measured = store is null ? [] : await store.ReadHistoryAsync(declared.Settings.Stack, cancellationToken);
            if (store is not null)
            {
                await Context.Out.WriteAsync($"evidence: {store.Location}, {measured.Count} record(s)\n");
            }

            var standings = NightlyScheduler.Standings(templates, measured, schedule);
            await Context.Out.WriteAsync(TonightStanding.Render(standings, Now, schedule));
            // Clones take their template's measured durations; their own history starts empty.
            var expected = standings.ToDictionary(s => s.Database.Application, s => s.ExpectedDuration);
            var durations = fleet.Select((db, i) => (db.Application, expected[templates[i % templates.Count].Application])).ToDictionary(p => p.Application, p => p.Item2);
            // Simulated time only: the simulation depends on the inputs, not on today's date.
            var result = FleetSimulation.Run(fleet, [], schedule, DateTimeOffset.UnixEpoch, FleetPlan.Nights(fleet), (db, _) => (durations[db.Application], true));
            await Context.Out.WriteAsync(FleetPlan.Render(result, fleet, schedule));
            return result.Breaches.Count == 0 ? (int)ExitCode.Success : (int)ExitCode.Failed;
        }
        catch (Exception e) when (e is SettingsException or DeclarationException or ContractViolationException or ArgumentException)
        {
            return await Context.FailAsync(InputFailure.CodeOf(e), e.Message);
        }
        catch (Exception e) when (e is EvidenceStoreException or TargetUnavailableException)
        {
            return await Context.FailAsync(ExitCode.TargetUnavailable, e.Message);
        }
        finally
        {
            if (embedded is not null)
            {
                await embedded.DisposeAsync();
            }
        }
    }
}
