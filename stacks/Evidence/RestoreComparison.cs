namespace PgPlatform.Stacks.Evidence;

/// <summary>
/// A restored table compared with the source: RPO is the last committed row against the last recovered
/// one. Recovery that stopped early (a WAL gap, an unreachable store) ends "successfully" in PostgreSQL;
/// this comparison is what notices.
/// </summary>
/// <param name="RpoRows">Committed rows missing at the end of the restored table.</param>
/// <param name="RpoSeconds">Time between the last committed row and the last recovered one.</param>
/// <param name="Failures">Every mismatch; empty when the restore holds exactly the expected rows.</param>
public sealed record RestoreComparison(long RpoRows, double RpoSeconds, IReadOnlyList<string> Failures)
{
    /// <summary>Compares <paramref name="restored"/> with <paramref name="expected"/> (the source, or the source up to a recovery target).</summary>
    public static RestoreComparison Compare(TableSnapshot expected, TableSnapshot restored)
    {
        var failures = new List<string>();
        if (restored.Rows != expected.Rows || restored.LastId != expected.LastId)
        {
            failures.Add($"recovered {restored.Rows} row(s) up to id {restored.LastId}, expected {expected.Rows} up to id {expected.LastId}");
        }
        else if (restored.Checksum != expected.Checksum)
        {
            failures.Add($"row checksum {restored.Checksum} differs from the source's {expected.Checksum}");
        }

        var rpoRows = Math.Max(0, expected.Rows - restored.Rows);
        var rpoSeconds = expected.LastAt is { } last
            ? Math.Max(0, (last - (restored.LastAt ?? last)).TotalSeconds)
            : 0;
        if (expected.LastAt is not null && restored.LastAt is null)
        {
            failures.Add("no row was recovered");
        }

        return new RestoreComparison(rpoRows, rpoSeconds, failures);
    }
}
