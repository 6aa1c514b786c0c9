using Npgsql;
using PgPlatform.Stacks.Postgres;
using PgPlatform.Stacks.Waits;

namespace PgPlatform.Stacks.Targets;

/// <summary>
/// The archiver side every target shares, in plain SQL against the primary: closing the current WAL segment
/// and watching <c>pg_stat_archiver</c>, whatever archives the WAL (barman-cloud in an archive_command, or
/// CNPG's Barman Cloud plugin).
/// </summary>
public static class WalArchiver
{
    /// <summary>How often <see cref="SwitchWalAsync"/> looks at the archiver.</summary>
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Closes the current WAL segment on the primary (<c>pg_switch_wal()</c>) and returns its name once
    /// <c>pg_stat_archiver.last_archived_wal</c> has reached it. Throws <see cref="ObjectStoreException"/>, with
    /// the archiver's last archived and last failed WAL, when that takes longer than <paramref name="timeout"/>.
    /// </summary>
    public static async Task<string> SwitchWalAsync(string connectionString, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var segment = await Sql.ScalarAsync<string>(connectionString, "SELECT pg_walfile_name(pg_switch_wal())", cancellationToken);
        ArchiverStatus? seen = null;
        try
        {
            await Waiting.UntilAsync($"WAL {segment} archived", timeout, async ct =>
            {
                seen = await StatusAsync(connectionString, ct);
                return seen.LastArchivedWal is { } last && string.CompareOrdinal(last, segment) >= 0;
            }, cancellationToken, PollInterval);
        }
        catch (TimeoutException e)
        {
            var last = seen is null ? "archiver never read" : $"last archived {seen.LastArchivedWal ?? "none"}, last failed {seen.LastFailedWal ?? "none"}";
            throw new ObjectStoreException($"{e.Message} ({last})", e);
        }

        return segment;
    }

    /// <summary>The primary's archiver, from <c>pg_stat_archiver</c>.</summary>
    public static async Task<ArchiverStatus> StatusAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT last_archived_wal, last_archived_time, last_failed_wal, last_failed_time FROM pg_stat_archiver", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new ArchiverStatus(
            reader.IsDBNull(0) ? null : reader.GetString(0),
            reader.IsDBNull(1) ? null : reader.GetFieldValue<DateTimeOffset>(1),
            reader.IsDBNull(2) ? null : reader.GetString(2),
            reader.IsDBNull(3) ? null : reader.GetFieldValue<DateTimeOffset>(3));
    }
}
