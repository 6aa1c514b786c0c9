using PgPlatform.Stacks.Drills;
using PgPlatform.Stacks.Evidence;
using PgPlatform.Stacks.Targets;
using PgPlatform.Stacks.Targets.Local;

namespace PgPlatform.Stacks.Commands;

/// <summary>The work behind <c>drill --target local</c>: run, write evidence, print the summary, choose the exit code.</summary>
public static class DrillSession
{
    /// <summary>Runs <paramref name="drills"/> on a fresh local target and writes evidence into <paramref name="outDir"/>.</summary>
    public static async Task<int> RunLocalAsync(IReadOnlyList<DrillKind> drills, Fault fault, string outDir, CommandContext context, CancellationToken cancellationToken)
    {
        var log = new DrillLog(context.Out);
        var options = LocalTargetOptions.FromEnvironment(context.GetEnvironmentVariable);
        RunEvidence run;
        try
        {
            run = await DrillRunner.RunAsync(
                async ct => await LocalTarget.StartAsync(options, message => log.Write("target", message), ct),
                drills, fault, log, cancellationToken);
        }
        catch (TargetUnavailableException e)
        {
            await context.Error.WriteLineAsync($"error: {e.Message}");
            return ExitCodes.TargetUnavailable;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await context.Error.WriteLineAsync("cancelled: the target was torn down; no evidence written");
            return ExitCodes.Failed;
        }

        var (json, markdown) = EvidenceWriter.Write(run, outDir);
        await context.Out.WriteLineAsync();
        await context.Out.WriteLineAsync($"{"drill",-10} {"result",-7} {"RTO",-9} {"RPO",-16} reason");
        foreach (var drill in run.Drills)
        {
            var rto = drill.RtoSeconds is { } r ? $"{r:F2} s" : "-";
            var rpo = drill.RpoRows is { } rows ? $"{rows} rows/{drill.RpoSeconds ?? 0:F2} s" : "-";
            await context.Out.WriteLineAsync($"{drill.Drill,-10} {(drill.Passed ? "passed" : "FAILED"),-7} {rto,-9} {rpo,-16} {drill.Reason}");
        }

        await context.Out.WriteLineAsync($"timing: {string.Join(", ", run.Timings.Select(t => $"{t.Phase} {t.Seconds:F1} s"))}");
        await context.Out.WriteLineAsync($"evidence: {markdown} and {json}");
        return run.Passed ? ExitCodes.Success : ExitCodes.Failed;
    }
}
