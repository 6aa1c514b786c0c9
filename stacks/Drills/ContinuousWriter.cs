using Npgsql;
using PgPlatform.Stacks.Evidence;

namespace PgPlatform.Stacks.Drills;

/// <summary>
/// Commits one row every <c>interval</c> through the read-write endpoint, each on a fresh connection so
/// every write is routed anew, and records every attempt (acknowledged or not) for the evidence.
/// </summary>
public sealed class ContinuousWriter : IAsyncDisposable
{
    private readonly List<WriteAttempt> _attempts = [];
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    private ContinuousWriter(string connectionString, string table, TimeSpan interval, TimeSpan maximum)
    {
        _stop.CancelAfter(maximum);
        _loop = Task.Run(() => LoopAsync(connectionString, table, interval));
    }

    /// <summary>Starts writing into <paramref name="table"/>; stops by itself after <paramref name="maximum"/>.</summary>
    public static ContinuousWriter Start(string connectionString, string table, TimeSpan interval, TimeSpan maximum) => new(connectionString, table, interval, maximum);

    /// <summary>Every attempt so far, in order.</summary>
    public IReadOnlyList<WriteAttempt> Attempts
    {
        get
        {
            lock (_gate)
            {
                return [.. _attempts];
            }
        }
    }

    /// <summary>Stops writing and waits for the attempt in flight.</summary>
    public async Task<IReadOnlyList<WriteAttempt>> StopAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        return Attempts;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stop.Dispose();
    }

    private async Task LoopAsync(string connectionString, string table, TimeSpan interval)
    {
        var next = DateTimeOffset.UtcNow;
        while (!_stop.IsCancellationRequested)
        {
            var started = DateTimeOffset.UtcNow;
            WriteAttempt attempt;
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(_stop.Token);
                await using var command = new NpgsqlCommand($"INSERT INTO {table} (payload) VALUES (md5(random()::text)) RETURNING id, inet_server_port()", connection);
                await using var reader = await command.ExecuteReaderAsync(_stop.Token);
                await reader.ReadAsync(_stop.Token);
                attempt = new WriteAttempt(started, DateTimeOffset.UtcNow, reader.GetInt64(0), $"port {reader.GetInt32(1)}", null);
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                // Stopped mid-attempt: whether it committed is unknown, and an unknown write is not acknowledged.
                break;
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException or IOException)
            {
                attempt = new WriteAttempt(started, DateTimeOffset.UtcNow, null, null, e.Message.Split('\n')[0]);
            }

            lock (_gate)
            {
                _attempts.Add(attempt);
            }

            next += interval;
            var wait = next - DateTimeOffset.UtcNow;
            if (wait > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(wait, _stop.Token);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
            else
            {
                // A slow attempt (a failover) does not produce a burst of catch-up writes afterwards.
                next = DateTimeOffset.UtcNow;
            }
        }
    }
}
