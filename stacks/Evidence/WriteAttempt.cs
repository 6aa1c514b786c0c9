namespace PgPlatform.Stacks.Evidence;

/// <summary>One write the failover drill's writer tried.</summary>
/// <param name="StartedAt">When the attempt started.</param>
/// <param name="FinishedAt">When it was acknowledged or failed.</param>
/// <param name="RowId">The committed row's id when acknowledged; null when the attempt failed.</param>
/// <param name="Member">Which member acknowledged it (its port or name); null when it failed.</param>
/// <param name="Error">Why it failed; null when acknowledged.</param>
public sealed record WriteAttempt(DateTimeOffset StartedAt, DateTimeOffset FinishedAt, long? RowId, string? Member, string? Error)
{
    /// <summary>True when the database acknowledged the commit.</summary>
    public bool Acknowledged => RowId is not null;
}
