namespace PgPlatform.Stacks.Targets;

/// <summary>The primary's WAL archiver, from <c>pg_stat_archiver</c>.</summary>
/// <param name="LastArchivedWal">The last WAL file archived, if any.</param>
/// <param name="LastArchivedAt">When.</param>
/// <param name="LastFailedWal">The last WAL file whose archiving failed, if any.</param>
/// <param name="LastFailedAt">When.</param>
public sealed record ArchiverStatus(string? LastArchivedWal, DateTimeOffset? LastArchivedAt, string? LastFailedWal, DateTimeOffset? LastFailedAt)
{
    /// <summary>True when the most recent attempt failed (a failure newer than the last success).</summary>
    public bool Failing => LastFailedAt is { } failed && (LastArchivedAt is not { } archived || failed > archived);
}
