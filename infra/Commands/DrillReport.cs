using PgPlatform.Infra.CommandLine;
using PgPlatform.Infra.Reports;
using PgPlatform.Stacks.Evidence;

namespace PgPlatform.Infra.Commands;

/// <summary>What <c>drill</c> prints after a run on either target: the results table, the timing breakdown, evidence written, the exit code.</summary>
public static class DrillReport
{
    /// <summary>
    /// Prints the results table (as <paramref name="progress"/> renders it: drawn on a terminal, plain text otherwise), writes
    /// <paramref name="evidence"/> into <paramref name="outDir"/> (printing it as JSON instead when that fails) and returns
    /// the run's exit code.
    /// </summary>
    public static async Task<ExitCode> WriteAsync(RunEvidence evidence, string outDir, CommandContext context, CommandProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        await context.Out.WriteLineAsync();
        progress.WriteResults(ResultTable.Of(evidence));

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
