using System.CommandLine;
using PgPlatform.Components.Contract;
using PgPlatform.Components.Model;
using PgPlatform.Components.Settings;
using PgPlatform.Infra.Platform;
using PgPlatform.Infra.CommandLine;
using PgPlatform.Stacks.Drills;
using PgPlatform.Stacks.Ephemeral;
using PgPlatform.Stacks.Evidence;
using PgPlatform.Stacks.Sessions;
using PgPlatform.Stacks.Targets;
using PgPlatform.Stacks.Targets.Local;

namespace PgPlatform.Infra.Commands;

/// <summary><c>drill --target local|kubernetes [--drill a,b] [--fault F] [--out DIR]</c>: runs drills on a fresh target and writes evidence.</summary>
public sealed class DrillCommand : Command
{
    private readonly CommandContext _context;

    /// <summary>Creates the command; <paramref name="kubernetesRun"/> (tests) replaces how a kubernetes drill runs its ephemeral stack.</summary>
    public DrillCommand(CommandContext context, Func<Fault, string?, DrillLog, EphemeralDrillRun>? kubernetesRun = null)
        : base("drill", "Stand up a target, run drills with live progress, tear it down, and write evidence (Markdown and JSON). Exit 0 all passed, 1 a drill failed or bad input, 2 usage error, 3 the target could not be stood up, 4 (kubernetes) a stack could not be destroyed (evidence written), 130 interrupted.")
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
        Target.AcceptOnlyFromAmong("local", "kubernetes");
        Fault.AcceptOnlyFromAmong([.. DrillNames.FaultNames]);
        SetAction(RunAsync);
    }

    /// <summary>The target to stand up.</summary>
    public Option<string> Target { get; } = new("--target") { Description = "Target to run on: local (etcd, 3 Patroni members, Azurite on loopback) or kubernetes (an ephemeral Pulumi stack with one CNPG cluster of three instances; restores go into further ephemeral stacks)", DefaultValueFactory = _ => "local" };

    /// <summary>Base stack of a kubernetes drill.</summary>
    public Option<string?> Stack { get; } = new("--stack") { Description = "kubernetes target: the stack whose settings the ephemeral stack copies (e.g. dev)" };

    /// <summary>Application of a kubernetes drill.</summary>
    public Option<string?> App { get; } = new("--app") { Description = "kubernetes target: the application whose database is drilled" };

    /// <summary>kubeconfig of a kubernetes drill.</summary>
    public Option<string?> Kubeconfig { get; } = new("--kubeconfig") { Description = "kubernetes target: kubeconfig file (default: KUBECONFIG or ~/.kube/config)" };

    /// <summary>Pulumi project directory of a kubernetes drill.</summary>
    public Option<string?> ProjectDir { get; } = new("--project-dir") { Description = "kubernetes target: directory holding Pulumi.yaml (default: the working directory)" };

    /// <summary>Drills to run, comma-separated.</summary>
    public Option<string> Drills { get; } = new("--drill") { Description = "Drills to run, comma-separated: failover, restore, rotation, backup (default: all)", DefaultValueFactory = _ => string.Join(',', DrillNames.AllDrills.Select(DrillNames.Name)) };

    /// <summary>Fault to inject.</summary>
    public Option<string?> Fault { get; } = new("--fault") { Description = "Fault to inject: wal-gap, object-store-down, wrong-credentials (restore, backup) , kill-patroni (failover) or stale-client (rotation); the kubernetes target injects wal-gap only" };

    /// <summary>Where evidence goes.</summary>
    public Option<string> Out { get; } = new("--out") { Description = "Directory for evidence.json and evidence.md", DefaultValueFactory = _ => Path.Combine("out", "drills") };

    /// <summary>How a kubernetes drill runs its ephemeral stacks, given the fault, the kubeconfig and the log.</summary>
    public Func<Fault, string?, DrillLog, EphemeralDrillRun> KubernetesRun { get; }

    private async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        if (DrillSelection.Parse(parse.GetValue(Drills)!, parse.GetValue(Fault), out var drills, out var fault) is { } error)
        {
            return await _context.FailAsync(ExitCode.Usage, error);
        }

        var outDir = Path.GetFullPath(parse.GetValue(Out)!, _context.CurrentDirectory);
        var log = new DrillLog(_context.Out);
        RunEvidence evidence;
        try
        {
            if (parse.GetValue(Target) != "kubernetes")
            {
                evidence = await LocalDrillSession.RunAsync(drills, fault, LocalTargetOptions.FromEnvironment(_context.GetEnvironmentVariable), log, cancellationToken);
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

                var projectDir = Path.GetFullPath(parse.GetValue(ProjectDir) ?? ".", _context.CurrentDirectory);
                evidence = await KubernetesDrillSession.RunAsync(drills, projectDir, stack, app, KubernetesRun(fault, parse.GetValue(Kubeconfig), log), log, cancellationToken);
            }
        }
        catch (Exception e) when (e is SettingsException or DeclarationException or ContractViolationException)
        {
            return await _context.FailAsync(ExitCode.Failed, e.Message);
        }
        catch (Exception e) when (e is TargetUnavailableException or PulumiNotFoundException or PulumiCommandException or StackTeardownException)
        {
            return await _context.FailAsync(ExitCode.TargetUnavailable, e.Message);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return await _context.FailAsync(ExitCode.Cancelled, "cancelled: the target was torn down; no evidence written");
        }

        return (int)await DrillReport.WriteAsync(evidence, outDir, _context);
    }
}
