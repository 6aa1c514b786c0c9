using PgPlatform.Stacks.Nightly.EvidenceStore;

namespace PgPlatform.Stacks.Nightly;

/// <summary>Evidence records of a night's application runs.</summary>
public static class EvidenceRecords
{
    /// <summary>The record of <paramref name="run"/> in run <paramref name="runId"/> of <paramref name="stack"/>.</summary>
    public static EvidenceRecord Of(string stack, string runId, ApplicationRun run, DateTimeOffset fallbackStart)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new EvidenceRecord
        {
            Stack = stack, RunId = runId, Application = run.Application, StartedAt = run.StartedAt ?? run.Run?.StartedAt ?? fallbackStart,
            DurationSeconds = run.DurationSeconds, Passed = run.Passed, Error = run.Error, Run = run.Run,
        };
    }
}
