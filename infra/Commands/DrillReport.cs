using PgPlatform.Infra.CommandLine;
using PgPlatform.Stacks.Evidence;

namespace PgPlatform.Infra.Commands;

/// <summary>What <c>drill</c> prints after a run on either target: evidence written, one table, the timing breakdown, the exit code.</summary>
public static class DrillReport
{
    /// <summary>Writes <paramref name="evidence"/> into <paramref name="outDir"/>, prints the table and returns the run's exit code.</summary>
    public static async Task<ExitCode> WriteAsync(RunEvidence evidence, string outDir, CommandContext context)
    {
        var (json, markdown) = EvidenceWriter.Write(evidence, outDir);
        await context.Out.WriteLineAsync();
        await context.Out.WriteLineAsync($"{"drill",-10} {"result",-7} {"RTO",-9} {"RPO",-16} reason");
        foreach (var drill in evidence.Drills)
        {
            var rto = drill.RtoSeconds is { } r ? $"{r:F2} s" : "-";
            var rpo = drill.RpoRows is { } rows ? $"{rows} rows/{drill.RpoSeconds ?? 0:F2} s" : "-";
            await context.Out.WriteLineAsync($"{drill.Drill,-10} {EvidenceWriter.Result(drill.Outcome),-7} {rto,-9} {rpo,-16} {drill.Reason}");
        }

        if (evidence.Timings.Count > 0)
        {
            await context.Out.WriteLineAsync($"timing: {string.Join(", ", evidence.Timings.Select(t => $"{t.Phase} {t.Seconds:F1} s"))}");
        }

        await context.Out.WriteLineAsync($"evidence: {markdown} and {json}");
        if (evidence.TeardownError is { } teardown)
        {
            await context.FailAsync(ExitCode.TeardownFailed, teardown);
            return ExitCode.TeardownFailed;
        }

        return evidence.Passed ? ExitCode.Success : ExitCode.Failed;
    }
}
