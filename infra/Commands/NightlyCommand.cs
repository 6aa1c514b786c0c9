using System.CommandLine;
using PgPlatform.Components.Contract;
using PgPlatform.Components.Model;
using PgPlatform.Components.Settings;
using PgPlatform.Infra.Platform;
using PgPlatform.Stacks.Drills;
using PgPlatform.Stacks.Ephemeral;
using PgPlatform.Stacks.Evidence;
using PgPlatform.Stacks.Nightly;
using PgPlatform.Stacks.Sessions;
using PgPlatform.Stacks.Targets.Local;
using PgPlatform.Infra.CommandLine;

namespace PgPlatform.Infra.Commands;

/// <summary><c>nightly --stack S [--target kubernetes|local] [--project-dir DIR] [--out DIR] [--kubeconfig F]</c>: every application's drill suite on ephemeral stacks (or local targets shaped as declared), and a fleet report.</summary>
public sealed class NightlyCommand : Command
{
    private readonly CommandContext _context;
    private readonly Func<string?, EphemeralDrillRun> _configure;

    /// <summary>Creates the command; <paramref name="configure"/> (tests) replaces how each application's drills run.</summary>
    public NightlyCommand(CommandContext context, Func<string?, EphemeralDrillRun>? configure = null)
        : base("nightly", "For each application of a stack, stand up an ephemeral stack (tier ephemeral, fresh namespace; with --target local, a local target shaped as declared), run the drill suite (failover, restore into further ephemeral stacks, rotation, backup health), destroy them, and write fleet.md, fleet.json and Prometheus textfile metrics. Exit 0 all passed, 1 any failed or bad input, 2 usage error, 3 no pulumi CLI, 4 an ephemeral stack could not be destroyed (report written), 130 interrupted.")
    {
        Options.Add(Stack);
        Options.Add(Target);
        Options.Add(ProjectDir);
        Options.Add(Out);
        Options.Add(Kubeconfig);
        configure ??= kubeconfig => Production(context, kubeconfig);
        _context = context;
        _configure = configure;
        Target.AcceptOnlyFromAmong("kubernetes", "local");
        SetAction(RunAsync);
    }

    /// <summary>The stack whose applications are drilled.</summary>
    public Option<string> Stack { get; } = new("--stack") { Description = "Stack whose applications (pg-platform:databases in Pulumi.<stack>.yaml) are drilled; its other settings are reused", Required = true };

    /// <summary>Where the databases are drilled.</summary>
    public Option<string> Target { get; } = new("--target") { Description = "kubernetes (an ephemeral stack per application) or local (per declared database, a local target shaped as its Cluster: instances, replication, parameters, database and owner; every drill)", DefaultValueFactory = _ => "kubernetes" };

    /// <summary>The Pulumi project directory.</summary>
    public Option<string?> ProjectDir { get; } = new("--project-dir") { Description = "Directory holding Pulumi.yaml and the stack files (default: the working directory)" };

    /// <summary>Where the report goes.</summary>
    public Option<string> Out { get; } = new("--out") { Description = "Directory for fleet.md, fleet.json and pg_platform_drills.prom (created if missing; checked writable before the first stack)", DefaultValueFactory = _ => Path.Combine("out", "nightly") };

    /// <summary>The kubeconfig file.</summary>
    public Option<string?> Kubeconfig { get; } = new("--kubeconfig") { Description = "Kubeconfig file (default: $KUBECONFIG, else ~/.kube/config); the context is the stack's pg-platform:kubeContext" };

    private async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        // Checked (and created) before the first stack: a night takes hours, and its report must have somewhere to go.
        if (OutputDirectory.Prepare(Path.GetFullPath(parse.GetValue(Out)!, _context.CurrentDirectory), "--out", out var outError) is not { } outDir)
        {
            return await _context.FailAsync(ExitCode.Usage, outError!);
        }

        try
        {
            return await RunAsync(parse, outDir.Path, cancellationToken);
        }
        finally
        {
            outDir.RemoveIfUnused();
        }
    }

    private async Task<int> RunAsync(ParseResult parse, string outDir, CancellationToken cancellationToken)
    {
        var log = new DrillLog(_context.Out);
        var projectDir = Path.GetFullPath(parse.GetValue(ProjectDir) ?? ".", _context.CurrentDirectory);
        FleetReport report;
        try
        {
            report = parse.GetValue(Target) == "local"
                ? await LocalDrillSession.RunStackAsync(projectDir, parse.GetValue(Stack)!, ApplicationCatalog.All, DrillNames.DefaultDrills, LocalTargetOptions.FromEnvironment(_context.GetEnvironmentVariable), log, cancellationToken,
                    database => LocalApplication.Declare(database.Application, parse.GetValue(Stack), projectDir, DrillApplication.DefaultDataSizeBytes))
                : await new NightlyRunner(_configure(parse.GetValue(Kubeconfig))).RunAsync(projectDir, parse.GetValue(Stack)!, KubernetesDrillTargets.Supported, log, cancellationToken);
        }
        catch (Exception e) when (e is SettingsException or DeclarationException or ContractViolationException)
        {
            return await _context.FailAsync(ExitCode.Failed, e.Message);
        }
        catch (PulumiNotFoundException e)
        {
            return await _context.FailAsync(ExitCode.TargetUnavailable, e.Message);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return await _context.FailAsync(ExitCode.Cancelled, "cancelled: the ephemeral stack in progress was torn down; no report written");
        }

        foreach (var app in report.Applications)
        {
            await _context.Out.WriteLineAsync($"{app.Application,-20} {(app.Passed ? "passed" : "FAILED")} {app.Error ?? string.Join(", ", app.Run!.Drills.Select(d => $"{d.Drill} {d.Status}"))}{(app.Run?.TeardownError is null ? "" : ", teardown FAILED")}");
        }

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

    private static EphemeralDrillRun Production(CommandContext context, string? kubeconfig) =>
        KubernetesDrillSession.Run(ApplicationCatalog.All, Stacks.Drills.Fault.None, context.GetEnvironmentVariable("PATH"), kubeconfig, new DrillLog(context.Out));
}
