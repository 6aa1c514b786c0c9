using System.CommandLine;
using PgPlatform.Components.Contract;
using PgPlatform.Components.Declaration;
using PgPlatform.Components.Model;
using PgPlatform.Components.Settings;
using PgPlatform.Infra.Platform;
using PgPlatform.Infra.CommandLine;
using PgPlatform.Stacks.Drills;
using PgPlatform.Stacks.Ephemeral;
using PgPlatform.Stacks.Evidence;
using PgPlatform.Stacks.Migrations;
using PgPlatform.Stacks.Sessions;
using PgPlatform.Stacks.Targets;
using PgPlatform.Stacks.Targets.Local;

namespace PgPlatform.Infra.Commands;

/// <summary><c>drill --target local|kubernetes [--stack S --app A] [--drill a,b] [--fault F] [--out DIR]</c>: runs drills on a fresh target and writes evidence.</summary>
public sealed class DrillCommand : Command
{
    private readonly CommandContext _context;

    /// <summary>Creates the command; <paramref name="kubernetesRun"/> (tests) replaces how a kubernetes drill runs its ephemeral stack.</summary>
    public DrillCommand(CommandContext context, Func<Fault, string?, DrillLog, EphemeralDrillRun>? kubernetesRun = null)
        : base("drill", "Stand up a target, run drills with live progress, tear it down, and write evidence (Markdown and JSON). Exit 0 all passed, 1 a drill failed or bad input, 2 usage error or unreadable stack file, 3 the target could not be stood up, 4 (kubernetes) a stack could not be destroyed (evidence written), 130 interrupted.")
    {
        _context = context;
        KubernetesRun = kubernetesRun ?? ((fault, kubeconfig, log) => KubernetesDrillSession.Run(ApplicationCatalog.All, fault, context.GetEnvironmentVariable("PATH"), kubeconfig, log));
        Options.Add(Target);
        Options.Add(Drills);
        Options.Add(Fault);
        Options.Add(Out);
        Options.Add(Stack);
        Options.Add(App);
        Options.Add(Kubeconfig);
        Options.Add(ProjectDir);
        Options.Add(DataSize);
        Options.Add(Progress);
        Target.AcceptOnlyFromAmong("local", "kubernetes");
        Fault.AcceptOnlyFromAmong([.. DrillNames.FaultNames]);
        SetAction(RunAsync);
    }

    /// <summary>The target to stand up.</summary>
    public Option<string> Target { get; } = new("--target") { Description = "Target to run on: local (etcd, Patroni members shaped as --stack/--app declare, or the 3-member lab self-test without them; HAProxy as the read-write address; Azurite on loopback) or kubernetes (an ephemeral Pulumi stack with one CNPG cluster of three instances; restores go into further ephemeral stacks)", DefaultValueFactory = _ => "local" };

    /// <summary>The declared stack: the base of a kubernetes drill, the shape of a local one.</summary>
    public Option<string?> Stack { get; } = new("--stack") { Description = "The stack whose declared database is drilled (e.g. prod): local target shaped as its Cluster (instances, replication, parameters, database and owner), the restore measured against its tier's budgets and declared storage; kubernetes target: the stack whose settings the ephemeral stack copies. Needs --app. The local alerts drill runs this stack's alert rules (default: prod)" };

    /// <summary>The application whose declared database is drilled.</summary>
    public Option<string?> App { get; } = new("--app") { Description = "The application whose database (declared by --stack) is drilled; local target: also the application whose schema the restore drill migrates, fills and smoke-tests (alone: on the lab self-test) (local alerts drill default: the stack's first)" };

    /// <summary>kubeconfig of a kubernetes drill.</summary>
    public Option<string?> Kubeconfig { get; } = new("--kubeconfig") { Description = "kubernetes target: kubeconfig file (default: KUBECONFIG or ~/.kube/config)" };

    /// <summary>Pulumi project directory holding the stack files.</summary>
    public Option<string?> ProjectDir { get; } = new("--project-dir") { Description = "Directory holding Pulumi.yaml and Pulumi.<stack>.yaml (default: the working directory)" };

    /// <summary>How much application data the restore drill writes before its base backup.</summary>
    public Option<string> DataSize { get; } = new("--data-size") { Description = "local target with --app: database size the restore drill fills the application's schema to before the base backup (e.g. 16MiB, 1GB); restore throughput and the RTO projected to the declared storage come from it", DefaultValueFactory = _ => "16MiB" };

    /// <summary>How progress shows: auto, plain or rich.</summary>
    public Option<string> Progress { get; } = CommandProgress.CreateOption();

    /// <summary>Drills to run, comma-separated.</summary>
    public Option<string> Drills { get; } = new("--drill") { Description = "Drills to run, comma-separated: failover, restore, rotation, backup (default: these four), or alerts (local only, opt-in, about 12 min: faults under the stack's own alert rules in a real Prometheus and Alertmanager, each alert delivered within its declared for plus a margin)", DefaultValueFactory = _ => string.Join(',', DrillNames.DefaultDrills.Select(DrillNames.Name)) };

    /// <summary>Fault to inject.</summary>
    public Option<string?> Fault { get; } = new("--fault") { Description = "Fault to inject: wal-gap, object-store-down, wrong-credentials (restore, backup) , kill-patroni (failover) or stale-client (rotation); the kubernetes target injects wal-gap only" };

    /// <summary>Where evidence goes.</summary>
    public Option<string> Out { get; } = new("--out") { Description = "Directory for evidence.json and evidence.md (created if missing; checked writable before the target starts)", DefaultValueFactory = _ => Path.Combine("out", "drills") };

    /// <summary>How a kubernetes drill runs its ephemeral stacks, given the fault, the kubeconfig and the log.</summary>
    public Func<Fault, string?, DrillLog, EphemeralDrillRun> KubernetesRun { get; }

    /// <summary>
    /// The rules the local alerts drill runs: those <c>--stack</c> (<paramref name="declared"/>, default prod) declares for
    /// <c>--app</c> (default its first database).
    /// </summary>
    private AlertRules LocalAlertRules(ParseResult parse, DeclaredStack? declared)
    {
        declared ??= DeclaredStack.Load(ProjectDirectory(parse), "prod", ApplicationCatalog.All);
        return AlertRules.From(declared, parse.GetValue(App) ?? declared.Databases[0].Application);
    }

    private string ProjectDirectory(ParseResult parse) => Path.GetFullPath(parse.GetValue(ProjectDir) ?? ".", _context.CurrentDirectory);

    private async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        if (DrillSelection.Parse(parse.GetValue(Drills)!, parse.GetValue(Fault), out var drills, out var fault) is { } error)
        {
            return await _context.FailAsync(ExitCode.Usage, error);
        }

        // Checked (and created) before the target starts: a run takes minutes, and its evidence must have somewhere to go.
        if (OutputDirectory.Prepare(Path.GetFullPath(parse.GetValue(Out)!, _context.CurrentDirectory), "--out", out var outError) is not { } outDir)
        {
            return await _context.FailAsync(ExitCode.Usage, outError!);
        }

        try
        {
            return await RunAsync(parse, drills, fault, outDir.Path, cancellationToken);
        }
        finally
        {
            outDir.RemoveIfUnused();
        }
    }

    private async Task<int> RunAsync(ParseResult parse, IReadOnlyList<DrillKind> drills, Fault fault, string outDir, CancellationToken cancellationToken)
    {
        var progress = CommandProgress.For(_context, parse.GetValue(Progress));
        RunEvidence evidence;
        try
        {
            if (parse.GetValue(Target) != "kubernetes")
            {
                var (stack, app) = (parse.GetValue(Stack), parse.GetValue(App));
                if (stack is not null && app is null)
                {
                    return await _context.FailAsync(ExitCode.Usage, "--stack needs --app on the local target: give both to drill a declared database, --app alone for the lab self-test with that application's schema, or neither");
                }

                if (ByteSize.TryParse(parse.GetValue(DataSize)!) is not { } dataSize)
                {
                    return await _context.FailAsync(ExitCode.Usage, $"--data-size '{parse.GetValue(DataSize)}' is not a size: write e.g. 16MiB, 512MB or 1GB");
                }

                // The stack is declared once: its database shapes the target, gives the restore its budgets and the alerts drill its rules.
                var declared = stack is null ? null : DeclaredStack.Load(ProjectDirectory(parse), stack, ApplicationCatalog.All);
                var database = declared?.Database(app!);
                var shape = database is null ? LocalShape.Lab : LocalShape.FromDeclaration(stack!, database);
                var application = app is null ? null : LocalApplication.Declare(app, database, dataSize);
                var rules = drills.Contains(DrillKind.Alerts) ? LocalAlertRules(parse, declared) : null;
                var log = progress.Log.ForDatabase(app ?? "lab");
                evidence = await progress.ShowAsync(() => LocalDrillSession.RunAsync(drills, fault, LocalTargetOptions.FromEnvironment(_context.GetEnvironmentVariable), shape, log, cancellationToken, rules, application));
            }
            else
            {
                if (parse.GetValue(Stack) is not { } stack || parse.GetValue(App) is not { } app)
                {
                    return await _context.FailAsync(ExitCode.Usage, "--target kubernetes needs --stack (the base stack) and --app (the application to drill)");
                }

                drills = parse.GetResult(Drills) is { Implicit: false } ? drills : KubernetesDrillTargets.Supported;
                if (KubernetesDrillSession.Refusal(drills, fault) is { } refusal)
                {
                    return await _context.FailAsync(ExitCode.Usage, refusal);
                }

                var projectDir = ProjectDirectory(parse);
                var log = progress.Log.ForDatabase(app);
                evidence = await progress.ShowAsync(() => KubernetesDrillSession.RunAsync(drills, projectDir, stack, app, KubernetesRun(fault, parse.GetValue(Kubeconfig), log), log, cancellationToken));
            }
        }
        catch (Exception e) when (e is SettingsException or DeclarationException or ContractViolationException or MigrationException)
        {
            return await _context.FailAsync(InputFailure.CodeOf(e), e.Message);
        }
        catch (Exception e) when (e is TargetUnavailableException or PulumiNotFoundException or PulumiCommandException or StackTeardownException)
        {
            return await _context.FailAsync(ExitCode.TargetUnavailable, e.Message);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return await _context.FailAsync(ExitCode.Cancelled, "cancelled: the target was torn down; no evidence written");
        }

        return (int)await DrillReport.WriteAsync(evidence, outDir, _context, progress);
    }
}
