using PgPlatform.Infra.CommandLine;
using PgPlatform.Stacks.Evidence;

namespace PgPlatform.Infra.Commands;

/// <summary>What <c>drill</c> prints after a run on either target: evidence written, one table, the timing breakdown, the exit code.</summary>
public static class DrillReport
{
    /// <summary>
    /// Prints the table, writes <paramref name="evidence"/> into <paramref name="outDir"/> (printing it as JSON instead when
    /// that fails) and returns the run's exit code.
    /// </summary>
    public static async Task<ExitCode> WriteAsync(RunEvidence evidence, string outDir, CommandContext context)
    {
        await context.Out.WriteLineAsync();
        await context.Out.WriteLineAsync($"{"drill",-10} {"result",-14} {"RTO",-9} {"RPO",-16} reason");
        foreach (var drill in evidence.Drills)
        {
            var rto = drill.RtoSeconds is { } r ? $"{r:F2} s" : "-";
            var rpo = drill.RpoRows is { } rows ? $"{rows} rows/{drill.RpoSeconds ?? 0:F2} s" : "-";
            await context.Out.WriteLineAsync($"{drill.Drill,-10} {drill.Status,-14} {rto,-9} {rpo,-16} {drill.Reason}");
        }

        if (evidence.Timings.Count > 0)
        {
            await context.Out.WriteLineAsync($"timing: {string.Join(", ", evidence.Timings.Select(t => $"{t.Phase} {t.Seconds:F1} s"))}");
        }

        var written = true;
        try
        {
            var (json, markdown) = EvidenceWriter.Write(evidence, outDir);
            await context.Out.WriteLineAsync($"evidence: {markdown} and {json}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The directory was checked before the run; should writing fail now (a full disk, say), the evidence still reaches the console.
            written = false;
            await context.Out.WriteLineAsync(EvidenceWriter.ToJson(evidence));
            await context.FailAsync(ExitCode.Failed, $"evidence could not be written to {outDir}: {e.Message}\nit is printed above as JSON");
        }

        if (evidence.TeardownError is { } teardown)
        {
            await context.FailAsync(ExitCode.TeardownFailed, teardown);
            return ExitCode.TeardownFailed;
        }

        return evidence.Passed && written ? ExitCode.Success : ExitCode.Failed;
    }
}
