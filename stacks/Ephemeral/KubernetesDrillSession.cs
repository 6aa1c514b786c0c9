using PgPlatform.Stacks.Commands;
using PgPlatform.Stacks.Drills;
using PgPlatform.Stacks.Evidence;
using PgPlatform.Stacks.Targets;

namespace PgPlatform.Stacks.Ephemeral;

/// <summary>The work behind <c>drill --target kubernetes --stack S --app A</c>: an ephemeral stack, the drills, evidence, the exit code.</summary>
public static class KubernetesDrillSession
{
    /// <summary>Why <paramref name="drills"/> with <paramref name="fault"/> cannot run on the Kubernetes target; null when they can.</summary>
    public static string? Refusal(IReadOnlyList<DrillKind> drills, Fault fault)
    {
        var unsupported = drills.Where(d => !KubernetesDrillTargets.Supported.Contains(d)).ToList();
        if (unsupported.Count > 0)
        {
            return $"the kubernetes target cannot run {string.Join(", ", unsupported.Select(DrillNames.Name))} yet; choose from {string.Join(", ", KubernetesDrillTargets.Supported.Select(DrillNames.Name))}";
        }

        return fault == Fault.None || KubernetesDrillTargets.SupportedFaults.Contains(fault)
            ? null
            : $"the kubernetes target cannot inject --fault {DrillNames.Name(fault)}; it injects {string.Join(", ", KubernetesDrillTargets.SupportedFaults.Select(DrillNames.Name))}";
    }

    /// <summary>
    /// Runs <paramref name="drills"/> (injecting <paramref name="fault"/>) for <paramref name="application"/> on an
    /// ephemeral copy of <paramref name="stack"/> (in <paramref name="projectDirectory"/>) and writes evidence into
    /// <paramref name="outDir"/>. Exit codes as <c>drill --target local</c>: 0 all passed, 1 any failed or cancelled,
    /// 2 the target could not start or could not be torn down (the evidence is written first and records it).
    /// </summary>
    public static async Task<int> RunAsync(IReadOnlyList<DrillKind> drills, Fault fault, string projectDirectory, string stack, string application, string? kubeconfig, string outDir, CommandContext context, CancellationToken cancellationToken, EphemeralDrillRun? run = null)
    {
        var log = new DrillLog(context.Out);
        run ??= new EphemeralDrillRun
        {
            Fault = fault,
            ConfigureStack = options => options with { SearchPath = context.GetEnvironmentVariable("PATH") },
            StartTarget = (deployed, ct) => KubernetesDrillTargets.StartAsync(deployed, kubeconfig, line => log.Write("target", line), ct),
        };
        RunEvidence evidence;
        try
        {
            var baseStack = StackFile.Read(projectDirectory, stack);
            if (!baseStack.Applications.Contains(application))
            {
                await context.Error.WriteLineAsync($"error: stack {stack} does not deploy '{application}' (it deploys {string.Join(", ", baseStack.Applications)})");
                return ExitCodes.Usage;
            }

            evidence = await run.RunAsync(baseStack, projectDirectory, application, "drill", drills, log, cancellationToken);
        }
        catch (Exception e) when (e is TargetUnavailableException or PulumiNotFoundException or PulumiCommandException or StackTeardownException or FileNotFoundException or FormatException)
        {
            await context.Error.WriteLineAsync($"error: {e.Message}");
            return ExitCodes.TargetUnavailable;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await context.Error.WriteLineAsync("cancelled: the ephemeral stack was torn down; no evidence written");
            return ExitCodes.Failed;
        }

        var (json, markdown) = EvidenceWriter.Write(evidence, outDir);
        foreach (var drill in evidence.Drills)
        {
            await context.Out.WriteLineAsync($"{drill.Drill,-10} {(drill.Passed ? "passed" : "FAILED"),-7} {drill.Reason}");
        }

        await context.Out.WriteLineAsync($"evidence: {markdown} and {json}");
        if (evidence.TeardownError is { } teardown)
        {
            await context.Error.WriteLineAsync($"error: {teardown}");
            return ExitCodes.TargetUnavailable;
        }

        return evidence.Passed ? ExitCodes.Success : ExitCodes.Failed;
    }
}
