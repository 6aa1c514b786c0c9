using System.CommandLine;
using PgPlatform.Stacks.Commands;
using PgPlatform.Stacks.Drills;
using PgPlatform.Stacks.Ephemeral;

namespace PgPlatform.Stacks.Nightly;

/// <summary><c>nightly --stack S [--project-dir DIR] [--out DIR] [--kubeconfig F]</c>: every application's drill suite on ephemeral stacks, and a fleet report.</summary>
public sealed class NightlyCommand : Command
{
    /// <summary>Creates the command; <paramref name="configure"/> (tests) replaces how each application's drills run.</summary>
    public NightlyCommand(CommandContext context, Func<string?, EphemeralDrillRun>? configure = null)
        : base("nightly", "For each application of a stack, stand up an ephemeral stack (tier ephemeral, fresh namespace), run the drill suite (failover, restore into further ephemeral stacks, rotation, backup health), destroy them, and write fleet.md, fleet.json and Prometheus textfile metrics. Exit 0 all passed, 1 any failed, 2 usage error or no pulumi CLI.")
    {
        Options.Add(Stack);
        Options.Add(ProjectDir);
        Options.Add(Out);
        Options.Add(Kubeconfig);
        configure ??= kubeconfig => Production(context, kubeconfig);
        SetAction(async (parse, cancellationToken) =>
        {
            var log = new DrillLog(context.Out);
            var projectDir = Path.GetFullPath(parse.GetValue(ProjectDir) ?? ".", context.CurrentDirectory);
            FleetReport report;
            try
            {
                report = await new NightlyRunner(configure(parse.GetValue(Kubeconfig))).RunAsync(projectDir, parse.GetValue(Stack)!, KubernetesDrillTargets.Supported, log, cancellationToken);
            }
            catch (Exception e) when (e is PulumiNotFoundException or FileNotFoundException or FormatException)
            {
                await context.Error.WriteLineAsync($"error: {e.Message}");
                return ExitCodes.Usage;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                await context.Error.WriteLineAsync("cancelled: the ephemeral stack in progress was torn down; no report written");
                return ExitCodes.Failed;
            }

            var (markdown, json, metrics) = FleetReportWriter.Write(report, Path.GetFullPath(parse.GetValue(Out)!, context.CurrentDirectory));
            foreach (var app in report.Applications)
            {
                await context.Out.WriteLineAsync($"{app.Application,-20} {(app.Passed ? "passed" : "FAILED")} {app.Error ?? string.Join(", ", app.Run!.Drills.Select(d => $"{d.Drill} {(d.Passed ? "passed" : "FAILED")}"))}{(app.Run?.TeardownError is null ? "" : ", teardown FAILED")}");
            }

            await context.Out.WriteLineAsync($"report: {markdown}, {json}, metrics: {metrics}");
            return report.Passed ? ExitCodes.Success : ExitCodes.Failed;
        });
    }

    /// <summary>The stack whose applications are drilled.</summary>
    public Option<string> Stack { get; } = new("--stack") { Description = "Stack whose applications (pg-platform:databases in Pulumi.<stack>.yaml) are drilled; its other settings are reused", Required = true };

    /// <summary>The Pulumi project directory.</summary>
    public Option<string?> ProjectDir { get; } = new("--project-dir") { Description = "Directory holding Pulumi.yaml and the stack files (default: the working directory)" };

    /// <summary>Where the report goes.</summary>
    public Option<string> Out { get; } = new("--out") { Description = "Directory for fleet.md, fleet.json and pg_platform_drills.prom", DefaultValueFactory = _ => Path.Combine("out", "nightly") };

    /// <summary>The kubeconfig file.</summary>
    public Option<string?> Kubeconfig { get; } = new("--kubeconfig") { Description = "Kubeconfig file (default: $KUBECONFIG, else ~/.kube/config); the context is the stack's pg-platform:kubeContext" };

    private static EphemeralDrillRun Production(CommandContext context, string? kubeconfig) => new()
    {
        ConfigureStack = options => options with { SearchPath = context.GetEnvironmentVariable("PATH") },
        StartTarget = (deployed, cancellationToken) => KubernetesDrillTargets.StartAsync(deployed, kubeconfig, line => context.Out.WriteLine(line), cancellationToken),
    };
}
