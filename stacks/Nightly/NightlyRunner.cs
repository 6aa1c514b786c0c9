using PgPlatform.Components.Contract;
using PgPlatform.Components.Declaration;
using PgPlatform.Components.Model;
using PgPlatform.Components.Settings;
using PgPlatform.Stacks.Drills;
using PgPlatform.Stacks.Ephemeral;
using PgPlatform.Stacks.Nightly.EvidenceStore;
using PgPlatform.Stacks.Nightly.Scheduling;
using PgPlatform.Stacks.Targets;

namespace PgPlatform.Stacks.Nightly;

/// <summary>
/// The nightly run: the databases a stack declares whose evidence is due (<see cref="NightlyScheduler"/>: failed and
/// never proven first, then the stalest), each drilled on a target of its own (<see cref="IDatabaseDrills"/>: an ephemeral
/// stack on Kubernetes, a local target shaped as declared on the embedded target), at most
/// <see cref="SchedulerOptions.Concurrency"/> at once and only while the window can still fit them. Each database's
/// evidence goes to <see cref="Store"/> as soon as it is known, and the next night reads it back from there. One
/// application's failure (a stack that would not declare or deploy, a target that never became Ready, a failed
/// drill) is recorded and the night goes on; a missing <c>pulumi</c> CLI or cancellation stops it.
/// </summary>
public sealed class NightlyRunner(IDatabaseDrills drills)
{
    /// <summary>The nightly on Kubernetes: each database on an ephemeral stack of <paramref name="run"/>.</summary>
    public NightlyRunner(EphemeralDrillRun run)
        : this(new EphemeralDatabaseDrills(run))
    {
    }

    /// <summary>The night's bounds. Default: one at a time, a 24 h window.</summary>
    public SchedulerOptions Options { get; init; } = new() { Concurrency = 1, Window = TimeSpan.FromHours(24) };

    /// <summary>The clock. Default: the system's.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Where evidence lasts and history comes from; null keeps no history (every database is due every night).</summary>
    public IEvidenceStore? Store { get; init; }

    /// <summary>
    /// Drills the due databases of <paramref name="declared"/> (declared by the caller, once, against the run's catalog:
    /// <see cref="DeclaredStack.Load"/> or <see cref="DeclaredStack.Declare"/>; a stack the compiler would refuse throws there,
    /// before any drill); <paramref name="projectDirectory"/> (the Pulumi project holding it) is where the drills stand up their
    /// targets. An evidence store that cannot be read throws <see cref="EvidenceStoreException"/> before any drill.
    /// </summary>
    public async Task<FleetReport> RunAsync(DeclaredStack declared, string projectDirectory, IReadOnlyList<DrillKind> suite, DrillLog log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(declared);
        ArgumentNullException.ThrowIfNull(log);
        Options.Validate();
        var startedAt = Time.GetUtcNow();
        var runId = EvidenceRecord.NewRunId(startedAt);
        var stack = declared.Settings.Stack;
        var fleet = FleetDatabases.Of(declared, drills.Catalog);
        var history = Store is null ? [] : await Store.ReadHistoryAsync(stack, cancellationToken);
        var queue = NightlyScheduler.Queue(NightlyScheduler.Standings(fleet, history, Options), startedAt, Options);
        var fresh = fleet.Where(db => queue.All(q => q.Database != db)).Select(db => db.Application).ToList();
        foreach (var due in queue)
        {
            log.ForDatabase(due.Database.Application).Planned(suite);
        }

        foreach (var application in fresh)
        {
            log.Write("nightly", $"{application}: evidence fresh, not due");
        }

        log.Write("nightly", $"{queue.Count} of {fleet.Count} database(s) due; at most {Options.Concurrency} at once, window {Durations.Format(Options.Window)}");
        var storeErrors = new List<string>();
        async Task Keep(ApplicationRun run)
        {
            if (Store is null)
            {
                return;
            }

            try
            {
                var name = await Store.WriteAsync(EvidenceRecords.Of(stack, runId, run, startedAt), CancellationToken.None);
                log.Write("nightly", $"{run.Application}: evidence {Store.Location}/{name}");
            }
            catch (EvidenceStoreException e)
            {
                log.Write("nightly", $"{run.Application}: evidence NOT stored: {e.Message}");
                storeErrors.Add(e.Message);
            }
        }

        async Task<ApplicationRun> DrillAsync(DatabaseStanding standing, CancellationToken token)
        {
            var application = standing.Database.Application;
            var started = Time.GetUtcNow();
            log.Write("nightly", $"{application}: {string.Join(", ", suite.Select(DrillNames.Name))} on {drills.Where}");
            ApplicationRun run;
            try
            {
                run = new ApplicationRun(application, await drills.RunAsync(declared, projectDirectory, application, suite, log.ForDatabase(application), token), null);
            }
            catch (Exception e) when (e is TargetUnavailableException or PulumiCommandException or StackTeardownException or DeclarationException or ContractViolationException or FormatException or ArgumentException)
            {
                log.Write("nightly", $"{application}: FAILED: {e.Message}");
                run = new ApplicationRun(application, null, e.Message);
            }

            run = run with { StartedAt = started, DurationSeconds = (Time.GetUtcNow() - started).TotalSeconds };
            log.DatabaseFinished(application, run.Passed, run.Error);
            await Keep(run);
            return run;
        }

        var outcome = await new NightExecutor(Options, Time).RunAsync(queue, DrillAsync, line => log.Write("nightly", line), cancellationToken);
        foreach (var stopped in outcome.Runs.Where(r => r.Error == NightExecutor.StoppedAtWindowEnd))
        {
            log.Write("nightly", $"{stopped.Application}: {stopped.Error}");
            await Keep(stopped);
        }

        var order = fleet.Select(db => db.Application).ToList();
        var after = Store is null ? [.. history, .. outcome.Runs.Select(r => EvidenceRecords.Of(stack, runId, r, startedAt).Summary)] : await ReadBackAsync(stack, history, outcome, runId, startedAt);
        var standings = NightlyScheduler.Standings(fleet, after, Options);
        return new FleetReport
        {
            Stack = stack,
            StartedAt = startedAt,
            RunId = runId,
            Applications = [.. outcome.Runs.OrderBy(r => order.IndexOf(r.Application))],
            Fresh = fresh,
            Deferred = [.. outcome.Deferred.Select(d => d.Database.Application)],
            StoppedAtWindowEnd = outcome.StoppedAtWindowEnd,
            Standings = standings,
            DueFraction = Options.DueFraction,
            Cost = Cost.FleetCost.Of(declared, standings, Options),
            EvaluatedAt = Time.GetUtcNow(),
            EvidenceLocation = Store?.Location,
            StoreErrors = storeErrors,
        };
    }

    /// <summary>The history after the night, as the store now has it (what the next night will read); this night's runs added when the store cannot be read.</summary>
    private async Task<IReadOnlyList<EvidenceSummary>> ReadBackAsync(string stack, IReadOnlyList<EvidenceSummary> before, NightOutcome outcome, string runId, DateTimeOffset startedAt)
    {
        try
        {
            return await Store!.ReadHistoryAsync(stack, CancellationToken.None);
        }
        catch (EvidenceStoreException)
        {
            return [.. before, .. outcome.Runs.Select(r => EvidenceRecords.Of(stack, runId, r, startedAt).Summary)];
        }
    }
}
