using System.CommandLine;
using PgPlatform.Components.Contract;
using PgPlatform.Components.Model;
using PgPlatform.Components.Settings;
using PgPlatform.Infra.Platform;
using PgPlatform.Stacks.Drills;
using PgPlatform.Stacks.Ephemeral;
using PgPlatform.Stacks.Evidence;
using PgPlatform.Stacks.Nightly;
using PgPlatform.Stacks.Nightly.EvidenceStore;
using PgPlatform.Stacks.Nightly.Scheduling;
using PgPlatform.Components.Declaration;
using PgPlatform.Stacks.Sessions;
using PgPlatform.Stacks.Targets;
using PgPlatform.Stacks.Targets.Local;
using PgPlatform.Infra.CommandLine;
using PgPlatform.Infra.Reports;

namespace PgPlatform.Infra.Commands;

/// <summary><c>nightly --stack S [--target kubernetes|local] [--project-dir DIR] [--out DIR] [--kubeconfig F]</c>: the due databases' drill suites on ephemeral stacks (or local targets shaped as declared) through <see cref="NightlyRunner"/>, and a fleet report.</summary>
public sealed class NightlyCommand : Command
{
    private readonly CommandContext _context;
    private readonly Func<string?, EphemeralDrillRun> _configure;
    private readonly Func<LocalTargetOptions, IDatabaseDrills> _local;

    // The running night's log, which the production configuration's target messages go to as well.
    private DrillLog? _log;

    /// <summary>The directory under <c>--out</c> holding the embedded target's evidence store (Azurite's data) between runs.</summary>
    public const string EvidenceStoreDirectory = "evidence-store";

    /// <summary>
    /// Creates the command; <paramref name="configure"/> (tests) replaces how each application's drills run on Kubernetes,
    /// <paramref name="local"/> (tests) how each database is drilled with <c>--target local</c>.
    /// </summary>
    public NightlyCommand(CommandContext context, Func<string?, EphemeralDrillRun>? configure = null, Func<LocalTargetOptions, IDatabaseDrills>? local = null)
        : base("nightly", $"For each database of a stack whose evidence is due (failed, never proven or stalest first), stand up an ephemeral stack (tier ephemeral, fresh namespace; with --target local, a local target shaped as declared), run the drill suite (failover, restore into further ephemeral stacks, rotation, backup health), destroy them, store each database's evidence, and write fleet.md, fleet.json and Prometheus textfile metrics. With --target local and no --evidence or ${NightlyEvidence.ConnectionVariable}, evidence lasts in an Azurite started for the run on <--out>/{EvidenceStoreDirectory}. Exit 0 all passed, 1 any failed or bad input, 2 usage error or unreadable stack file, 3 no pulumi CLI or evidence store, 4 an ephemeral stack could not be destroyed (report written), 5 another nightly holds --out (one run per --out, --plan included), 130 interrupted.")
    {
        Options.Add(Stack);
        Options.Add(Target);
        Options.Add(ProjectDir);
        Options.Add(Out);
        Options.Add(Kubeconfig);
        Options.Add(Concurrency);
        Options.Add(Window);
        Options.Add(DrillDuration);
        Options.Add(Evidence);
        Options.Add(Plan);
        Options.Add(FleetSize);
        Options.Add(Progress);
        configure ??= kubeconfig => Production(context, kubeconfig, _log);
        _context = context;
        _configure = configure;
        _local = local ?? (options => new LocalDatabaseDrills(ApplicationCatalog.All, options, database => LocalApplication.Declare(database.Application, database, DrillApplication.DefaultDataSizeBytes)));
        Target.AcceptOnlyFromAmong("kubernetes", "local");
        SetAction(RunAsync);
    }

    /// <summary>The "now" of <c>--plan</c>'s standing of tonight (tests fix it).</summary>
    public Func<DateTimeOffset> Now { get; init; } = () => DateTimeOffset.UtcNow;

    /// <summary>The stack whose applications are drilled.</summary>
    public Option<string> Stack { get; } = new("--stack") { Description = "Stack whose applications (pg-platform:databases in Pulumi.<stack>.yaml) are drilled; its other settings are reused", Required = true };

    /// <summary>Where the databases are drilled.</summary>
    public Option<string> Target { get; } = new("--target") { Description = "kubernetes (an ephemeral stack per application) or local (per declared database, a local target shaped as its Cluster: instances, replication, parameters, database and owner; every drill)", DefaultValueFactory = _ => "kubernetes" };

    /// <summary>The Pulumi project directory.</summary>
    public Option<string?> ProjectDir { get; } = new("--project-dir") { Description = "Directory holding Pulumi.yaml and the stack files (default: the working directory)" };

    /// <summary>Where the report goes.</summary>
    public Option<string> Out { get; } = new("--out") { Description = $"Directory for fleet.md, fleet.json and pg_platform_drills.prom (created if missing; checked writable before the first stack); with --target local also {EvidenceStoreDirectory}/, the evidence store kept between runs", DefaultValueFactory = _ => Path.Combine("out", "nightly") };

    /// <summary>The kubeconfig file.</summary>
    public Option<string?> Kubeconfig { get; } = new("--kubeconfig") { Description = "Kubeconfig file (default: $KUBECONFIG, else ~/.kube/config); the context is the stack's pg-platform:kubeContext" };

    /// <summary>Databases drilled at once with --target local unless --concurrency says otherwise: the local targets share the machine's cores.</summary>
    public const int LocalConcurrency = 1;

    /// <summary>How many databases are drilled at once.</summary>
    public Option<int?> Concurrency { get; } = new("--concurrency") { Description = $"Databases drilled at once (ephemeral stacks or local targets standing at once; default the stack's pg-platform:nightly concurrency, else {SchedulerOptions.DefaultConcurrency} on kubernetes, {LocalConcurrency} with --target local, whose targets share this machine's cores: 2 at most on 2 cores)" };

    /// <summary>How long the night lasts.</summary>
    public Option<string> Window { get; } = new("--window") { Description = "How long the night lasts (e.g. 6h, 90m): nothing starts that would not finish inside it, drills still running at its end are stopped and torn down; default the stack's pg-platform:nightly window, else 6h", DefaultValueFactory = _ => "6h" };

    /// <summary>Expected duration of a database never measured.</summary>
    public Option<string> DrillDuration { get; } = new("--drill-duration") { Description = "Expected drill duration of a database never measured (e.g. 45m); measured durations come from the evidence history", DefaultValueFactory = _ => "45m" };

    /// <summary>The evidence container.</summary>
    public Option<string?> Evidence { get; } = new("--evidence") { Description = $"Blob container URL for drill evidence (e.g. https://<account>.blob.core.windows.net/{NightlyEvidence.Container}), signed in with DefaultAzureCredential; or ${NightlyEvidence.ConnectionVariable} (a connection string, e.g. Azurite's) with container {NightlyEvidence.Container}. Without either, --target local keeps evidence in an Azurite on <--out>/{EvidenceStoreDirectory} (started for the run; the next run reads it); --target kubernetes keeps no history and every database is due" };

    /// <summary>How progress shows: auto, plain or rich.</summary>
    public Option<string> Progress { get; } = CommandProgress.CreateOption();

    /// <summary>Simulate instead of drilling.</summary>
    public Option<bool> Plan { get; } = new("--plan") { Description = $"Drill nothing: print tonight's standing per database (last drilled, due or not and why, expected duration measured or default), then simulate nights of scheduling over the stack's databases (or --fleet-size clones of them) and print nights to full coverage, breaches and peak cluster resources. Durations come from --evidence or ${NightlyEvidence.ConnectionVariable}; with --target local and neither, from the embedded store on <--out>/{EvidenceStoreDirectory} when it exists (never created by --plan)" };

    /// <summary>Fleet size of the simulation.</summary>
    public Option<int?> FleetSize { get; } = new("--fleet-size") { Description = "With --plan: simulate this many databases, cloned round-robin from the stack's" };

    private async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        // The stack's own bounds (pg-platform:nightly) apply where the command line gives none.
        var projectDir = Path.GetFullPath(parse.GetValue(ProjectDir) ?? ".", _context.CurrentDirectory);
        // Read once: its nightly bounds here, its declaration for the plan or the runner.
        StackSettings settings;
        try
        {
            settings = StackLoader.Load(projectDir, parse.GetValue(Stack)!);
        }
        catch (SettingsException e)
        {
            return await _context.FailAsync(InputFailure.CodeOf(e), e.Message);
        }

        var declared = settings.Nightly;
        SchedulerOptions schedule;
        try
        {
            var window = parse.GetResult(Window) is { Implicit: false } || declared.Window is null
                ? (parse.GetValue(Window)!, "--window")
                : (declared.Window, $"'{SettingKeys.Nightly.Key}.window'");
            schedule = new SchedulerOptions
            {
                Concurrency = parse.GetValue(Concurrency) ?? declared.Concurrency ?? (parse.GetValue(Target) == "local" ? LocalConcurrency : SchedulerOptions.DefaultConcurrency),
                Window = Durations.Parse(window.Item1, window.Item2),
                DefaultDrillDuration = Durations.Parse(parse.GetValue(DrillDuration)!, "--drill-duration"),
            };
            schedule.Validate();
        }
        catch (ArgumentException e)
        {
            return await _context.FailAsync(ExitCode.Usage, e.Message);
        }

        IEvidenceStore? store;
        try
        {
            store = NightlyEvidence.Open(parse.GetValue(Evidence), _context.GetEnvironmentVariable(NightlyEvidence.ConnectionVariable));
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            return await _context.FailAsync(ExitCode.Usage, e.Message);
        }

        if (parse.GetValue(Plan))
        {
            var catalog = _configure(parse.GetValue(Kubeconfig)).Catalog;
            DeclaredStack stack;
            try
            {
                stack = DeclaredStack.Declare(settings, catalog);
            }
            catch (Exception e) when (e is SettingsException or DeclarationException or ContractViolationException)
            {
                return await _context.FailAsync(InputFailure.CodeOf(e), e.Message);
            }

            // The embedded store is read where a local nightly keeps it; the plan never creates one. It starts an Azurite on
            // the store, so it takes the nightly's lock of that --out first: never a second Azurite on a store in use.
            var planOut = Path.GetFullPath(parse.GetValue(Out)!, _context.CurrentDirectory);
            var embedded = parse.GetValue(Target) == "local" && store is null ? Path.Combine(planOut, EvidenceStoreDirectory) : null;
            RunLock? planLock = null;
            if (embedded is not null && Directory.Exists(embedded) && (planLock = RunLock.TryTake(planOut, "nightly", "--out", out var busy)) is null)
            {
                return await _context.FailAsync(ExitCode.Busy, busy!);
            }

            using (planLock)
            {
                return await new NightlyPlan(_context, Now()).RunAsync(stack, catalog, parse.GetValue(FleetSize), schedule, store, embedded, cancellationToken);
            }
        }

        // Checked (and created) before the first stack: a night takes hours, and its report must have somewhere to go.
        if (OutputDirectory.Prepare(Path.GetFullPath(parse.GetValue(Out)!, _context.CurrentDirectory), "--out", out var outError) is not { } outDir)
        {
            return await _context.FailAsync(ExitCode.Usage, outError!);
        }

        // One nightly per --out: two would share the report and the embedded evidence store's Azurite.
        var runLock = RunLock.TryTake(outDir.Path, "nightly", "--out", out var held);
        try
        {
            if (runLock is null)
            {
                return await _context.FailAsync(ExitCode.Busy, held!);
            }

            return await RunAsync(parse, projectDir, settings, outDir.Path, schedule, store, cancellationToken);
        }
        finally
        {
            runLock?.Dispose();
            outDir.RemoveIfUnused();
        }
    }

    private async Task<int> RunAsync(ParseResult parse, string projectDir, StackSettings settings, string outDir, SchedulerOptions schedule, IEvidenceStore? store, CancellationToken cancellationToken)
    {
        var progress = CommandProgress.For(_context, parse.GetValue(Progress));
        var log = _log = progress.Log;
        var local = parse.GetValue(Target) == "local";
        var storeDirectory = Path.Combine(outDir, EvidenceStoreDirectory);
        var storeDirectoryExisted = Directory.Exists(storeDirectory);
        LocalEvidenceStore? localStore = null;
        FleetReport report;
        try
        {
            var localOptions = LocalTargetOptions.FromEnvironment(_context.GetEnvironmentVariable);
            var drills = local ? _local(localOptions) : new EphemeralDatabaseDrills(_configure(parse.GetValue(Kubeconfig)));
            // Declared before the evidence store starts: a stack the compiler refuses leaves nothing behind.
            var declared = DeclaredStack.Declare(settings, drills.Catalog);
            if (local && store is null)
            {
                localStore = await LocalEvidenceStore.StartAsync(storeDirectory, localOptions, cancellationToken);
                store = localStore.Store;
                if (localStore.Swept.Count > 0)
                {
                    log.Write("nightly", $"evidence store: ended the Azurite an earlier run left on it (pid {string.Join(", ", localStore.Swept)}; that run did not stop cleanly)");
                }

                log.Write("nightly", $"evidence store: Azurite on {localStore.Directory} (kept between runs)");
            }

            report = await progress.ShowAsync(() => new NightlyRunner(drills) { Options = schedule, Store = store }.RunAsync(declared, projectDir, local ? DrillNames.DefaultDrills : KubernetesDrillTargets.Supported, log, cancellationToken));
        }
        catch (Exception e) when (e is SettingsException or DeclarationException or ContractViolationException)
        {
            // Refused before any drill: an evidence store this run created holds nothing, and goes again.
            await StopAsync(localStore, storeDirectoryExisted ? null : storeDirectory);
            return await _context.FailAsync(InputFailure.CodeOf(e), e.Message);
        }
        catch (Exception e) when (e is EvidenceStoreException or TargetUnavailableException)
        {
            return await _context.FailAsync(ExitCode.TargetUnavailable, e.Message);
        }
        catch (PulumiNotFoundException e)
        {
            return await _context.FailAsync(ExitCode.TargetUnavailable, e.Message);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return await _context.FailAsync(ExitCode.Cancelled, "cancelled: the drill targets in progress were torn down; no report written");
        }
        finally
        {
            await StopAsync(localStore, null);
        }

        await _context.Out.WriteLineAsync();
        progress.WriteResults(ResultTable.Of(report));

        var written = true;
        try
        {
            var (markdown, json, metrics) = FleetReportWriter.Write(report, outDir);
            await _context.Out.WriteLineAsync($"report: {markdown}, {json}, metrics: {metrics}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Checked before the night; should writing fail now (a full disk, say), the report still reaches the console.
            written = false;
            await _context.Out.WriteLineAsync(FleetReportWriter.ToJson(report));
            _context.WriteError($"report could not be written to {outDir}: {e.Message}\nit is printed above as JSON");
        }

        foreach (var teardown in report.Applications.Select(a => a.Run?.TeardownError).OfType<string>())
        {
            _context.WriteError(teardown);
        }

        return report.Applications.Any(a => a.Run?.TeardownError is not null) ? (int)ExitCode.TeardownFailed
            : report.Passed && written ? (int)ExitCode.Success : (int)ExitCode.Failed;
    }

    private static async Task StopAsync(LocalEvidenceStore? store, string? remove)
    {
        if (store is null)
        {
            return;
        }

        await store.DisposeAsync();
        if (remove is not null && Directory.Exists(remove))
        {
            Directory.Delete(remove, recursive: true);
        }
    }

    private static EphemeralDrillRun Production(CommandContext context, string? kubeconfig, DrillLog? log) =>
        KubernetesDrillSession.Run(ApplicationCatalog.All, Stacks.Drills.Fault.None, context.GetEnvironmentVariable("PATH"), kubeconfig, log ?? new DrillLog(context.Out));
}
