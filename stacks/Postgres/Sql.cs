using Npgsql;

namespace PgPlatform.Stacks.Postgres;

/// <summary>One-statement helpers over a fresh connection each time (drills want to see each connection's own routing).</summary>
public static class Sql
{
    /// <summary>Runs <paramref name="sql"/>.</summary>
    public static async Task ExecuteAsync(string connectionString, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Runs <paramref name="sql"/> and returns the first column of the first row.</summary>
    public static async Task<T> ScalarAsync<T>(string connectionString, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Like <see cref="ScalarAsync{T}"/>, but null when the server cannot be reached or refuses the query.</summary>
    public static async Task<T?> TryScalarAsync<T>(string connectionString, string sql, CancellationToken cancellationToken)
        where T : struct
    {
        try
        {
            return await ScalarAsync<T>(connectionString, sql, cancellationToken);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>Every value of the first column, or null when the server cannot be reached.</summary>
    public static async Task<IReadOnlyList<long>?> TryColumnAsync(string connectionString, string sql, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand(sql, connection);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var values = new List<long>();
            while (await reader.ReadAsync(cancellationToken))
            {
                values.Add(reader.GetInt64(0));
            }

            return values;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            return null;
        }
    }
}
