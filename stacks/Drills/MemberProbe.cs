using PgPlatform.Stacks.Postgres;
using PgPlatform.Stacks.Targets;

namespace PgPlatform.Stacks.Drills;

/// <summary>Asks every member directly (never through the read-write endpoint, which can hide an orphaned primary).</summary>
public static class MemberProbe
{
    /// <summary>Names of the members that answer and are not in recovery, i.e. accept writes.</summary>
    public static async Task<IReadOnlyList<string>> WritableAsync(IReadOnlyList<ClusterMember> members, CancellationToken cancellationToken)
    {
        var states = await Task.WhenAll(members.Select(async m => (m.Name, InRecovery: await Sql.TryScalarAsync<bool>(m.ConnectionString, "SELECT pg_is_in_recovery()", cancellationToken))));
        return [.. states.Where(s => s.InRecovery == false).Select(s => s.Name)];
    }

    /// <summary>The ids in <paramref name="table"/> on each member that answers (unreachable members are left out).</summary>
    public static async Task<IReadOnlyDictionary<string, IReadOnlySet<long>>> RowsAsync(IReadOnlyList<ClusterMember> members, string database, string table, CancellationToken cancellationToken)
    {
        var rows = await Task.WhenAll(members.Select(async m => (m.Name, Ids: await Sql.TryColumnAsync(WithDatabase(m.ConnectionString, database), $"SELECT id FROM {table}", cancellationToken))));
        return rows.Where(r => r.Ids is not null).ToDictionary(r => r.Name, r => (IReadOnlySet<long>)r.Ids!.ToHashSet());
    }

    private static string WithDatabase(string connectionString, string database) =>
        new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { Database = database }.ConnectionString;
}
