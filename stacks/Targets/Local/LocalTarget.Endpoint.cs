using System.Text.Json;
using Npgsql;
using PgPlatform.Stacks.Evidence;
using PgPlatform.Stacks.Postgres;

namespace PgPlatform.Stacks.Targets.Local;

/// <summary>The local target's read-write address (HAProxy), its readiness, and how it describes its shape in evidence.</summary>
public sealed partial class LocalTarget
{
    private string _ranVersion = "(not started)";

    /// <summary>The application's read-write address: HAProxy's <c>rw</c> listener, the same across every failover.</summary>
    public string ReadWriteEndpoint => $"127.0.0.1:{_haProxy.ReadWritePort}";

    /// <summary>The read-only address: HAProxy's <c>ro</c> listener, routed to running replicas.</summary>
    public string ReadOnlyEndpoint => $"127.0.0.1:{_haProxy.ReadOnlyPort}";

    /// <summary>What was stood up, for the run's evidence: the shape, the endpoint, the parameters applied and skipped, the versions.</summary>
    public TargetShape DescribeShape() => new()
    {
        Subject = _shape.Subject,
        Tier = _shape.TierName,
        Instances = _members.Count,
        Replication = PatroniReplication.Describe(_shape.Replication),
        Endpoint = _haProxy.Describe(),
        Database = _shape.Database,
        Owner = _shape.Owner,
        AppliedParameters = [.. _appliedParameters.Select(p => $"{p.Key}={p.Value}")],
        SkippedParameters = [.. _skippedParameters.Select(p => p.ToString())],
        Retention = _shape.Retention is { } retention ? $"{retention} (declared in the ObjectStore; recorded, not enforced by the local target)" : "not declared",
        DeclaredImage = _shape.DeclaredImage ?? "not declared",
        RanVersion = _ranVersion,
        Versions = PostgresVersions.Compare(_shape.DeclaredImage, _ranVersion),
    };

    /// <summary>The Patroni REST port of the member named <paramref name="member"/>.</summary>
    internal int RestPortOf(string member) => _members.Single(m => m.Name == member).RestPort;

    private static string Quoted(string identifier) => $"\"{identifier.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    private string Endpoint(string user, string password, string database) => new NpgsqlConnectionStringBuilder
    {
        // One address, as a CNPG -rw Service: HAProxy sends the connection to whichever member Patroni calls primary.
        Host = "127.0.0.1",
        Port = _haProxy.ReadWritePort,
        Username = user,
        Password = password,
        Database = database,
        Pooling = false,
        Timeout = 3,
        CommandTimeout = 5,
    }.ConnectionString;

    private async Task<bool> ClusterHealthyAsync(CancellationToken cancellationToken)
    {
        try
        {
            // Health is a real commit through the read-write endpoint: Patroni's REST answer says 200 from a
            // lock holder whose PostgreSQL is down.
            await Sql.ExecuteAsync(SuperuserReadWriteConnectionString, "CREATE TABLE IF NOT EXISTS pg_platform_health (at timestamptz); INSERT INTO pg_platform_health VALUES (now())", cancellationToken);
            return await Sql.ScalarAsync<long>(SuperuserReadWriteConnectionString, "SELECT count(*) FROM pg_stat_replication WHERE state = 'streaming'", cancellationToken) == _members.Count - 1
                && (!_shape.Replication.IsSynchronous || _members.Count == 1 || await SyncStandbyRecordedAsync(cancellationToken));
        }
        catch (NpgsqlException)
        {
            return false;
        }
    }

    /// <summary>
    /// True once Patroni has recorded a synchronous standby in etcd. Until then synchronous mode has no member
    /// it may promote, and a primary killed in that window is restarted in place instead of failing over, so
    /// the target is not ready before it. Only Patroni knows this, hence its REST API (for this, not for health).
    /// </summary>
    private async Task<bool> SyncStandbyRecordedAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        foreach (var member in _members)
        {
            try
            {
                using var cluster = JsonDocument.Parse(await http.GetStringAsync($"http://127.0.0.1:{member.RestPort}/cluster", cancellationToken));
                return cluster.RootElement.GetProperty("members").EnumerateArray()
                    .Any(m => m.GetProperty("role").GetString() == "sync_standby" && m.TryGetProperty("state", out var state) && state.GetString() is "streaming" or "running");
            }
            catch (Exception e) when (e is HttpRequestException or JsonException or KeyNotFoundException or TaskCanceledException)
            {
                // Ask the next member.
            }
        }

        return false;
    }

}
