using Npgsql;
using PgPlatform.Stacks.Evidence;
using PgPlatform.Stacks.Postgres;

namespace PgPlatform.Stacks.Drills;

/// <summary>The table a drill writes its rows into: id, commit-side timestamp and a payload the checksum covers.</summary>
public static class DrillTable
{
    /// <summary>Creates <paramref name="table"/> if it does not exist.</summary>
    public static Task CreateAsync(string connectionString, string table, CancellationToken cancellationToken) =>
        Sql.ExecuteAsync(connectionString, $"CREATE TABLE IF NOT EXISTS {table} (id bigserial PRIMARY KEY, at timestamptz NOT NULL DEFAULT clock_timestamp(), payload text NOT NULL)", cancellationToken);

    /// <summary>Inserts one row in its own transaction and returns its id.</summary>
    public static Task<long> InsertAsync(string connectionString, string table, CancellationToken cancellationToken) =>
        Sql.ScalarAsync<long>(connectionString, $"INSERT INTO {table} (payload) VALUES (md5(random()::text)) RETURNING id", cancellationToken);

    /// <summary>Count, last row and checksum of the rows with id up to <paramref name="upToId"/> (all rows when null).</summary>
    public static async Task<TableSnapshot> SnapshotAsync(string connectionString, string table, long? upToId, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        var filter = upToId is { } last ? $"WHERE id <= {last}" : "";
        await using var command = new NpgsqlCommand(
            $"SELECT count(*), coalesce(max(id), 0), max(at), coalesce(md5(string_agg(id || ':' || payload, ',' ORDER BY id)), '') FROM {table} {filter}", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new TableSnapshot(reader.GetInt64(0), reader.GetInt64(1), reader.IsDBNull(2) ? null : reader.GetFieldValue<DateTimeOffset>(2), reader.GetString(3));
    }
}
