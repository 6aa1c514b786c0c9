using System.CommandLine;
using PgPlatform.Stacks.Drills;

namespace PgPlatform.Stacks.Commands;

/// <summary><c>drill --target local|kubernetes [--drill a,b] [--fault F] [--out DIR]</c>: runs drills on a fresh target and writes evidence.</summary>
public sealed class DrillCommand : Command
{
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
    public Option<string?> Fault { get; } = new("--fault") { Description = "Fault to inject: wal-gap, object-store-down, wrong-credentials (restore, backup) or kill-patroni (failover); the kubernetes target injects wal-gap only" };

    /// <summary>Where evidence goes.</summary>
    public Option<string> Out { get; } = new("--out") { Description = "Directory for evidence.json and evidence.md", DefaultValueFactory = _ => Path.Combine("out", "drills") };

    /// <summary>Creates the command.</summary>
    public DrillCommand(CommandContext context)
        : base("drill", "Stand up a target, run drills with live progress, tear it down, and write evidence (Markdown and JSON). Exit 0 all passed, 1 any failed, 2 the target could not start or (kubernetes) a stack could not be destroyed.")
    {
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
        SetAction(async (parse, cancellationToken) =>
        {
            if (DrillSelection.Parse(parse.GetValue(Drills)!, parse.GetValue(Fault), out var drills, out var fault) is { } error)
            {
                await context.Error.WriteLineAsync($"error: {error}");
                return ExitCodes.Usage;
            }

            var outDir = Path.GetFullPath(parse.GetValue(Out)!, context.CurrentDirectory);
            if (parse.GetValue(Target) != "kubernetes")
            {
                return await DrillSession.RunLocalAsync(drills, fault, outDir, context, cancellationToken);
            }

            if (parse.GetValue(Stack) is not { } stack || parse.GetValue(App) is not { } app)
            {
                await context.Error.WriteLineAsync("error: --target kubernetes needs --stack (the base stack) and --app (the application to drill)");
                return ExitCodes.Usage;
            }

            var selected = parse.GetResult(Drills) is { Implicit: false } ? drills : Ephemeral.KubernetesDrillTargets.Supported;
            if (Ephemeral.KubernetesDrillSession.Refusal(selected, fault) is { } refusal)
            {
                await context.Error.WriteLineAsync($"error: {refusal}");
                return ExitCodes.Usage;
            }

            var projectDir = Path.GetFullPath(parse.GetValue(ProjectDir) ?? ".", context.CurrentDirectory);
            return await Ephemeral.KubernetesDrillSession.RunAsync(selected, fault, projectDir, stack, app, parse.GetValue(Kubeconfig), outDir, context, cancellationToken);
        });
    }
}
