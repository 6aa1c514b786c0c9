using Npgsql;
using PgPlatform.Stacks.Targets;

namespace PgPlatform.Stacks.Drills;

/// <summary>
/// An application stand-in: <c>workers</c> loops write a row each every <c>interval</c> through one Npgsql connection
/// pool (as an application would, connections reused), logged in as the login its Secret names. <see cref="ReloadAsync"/>
/// reads the Secret again and builds a new pool; the old pool is disposed once its writes in flight finished, so no
/// write fails and no pooled connection keeps the old role. A stale client (<c>reloads: false</c>) never does.
/// </summary>
public sealed class PooledApplication : IAsyncDisposable
{
    private readonly ICredentialTarget _target;
    private readonly string _table;
    private readonly bool _reloads;
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private readonly List<Task> _workers;
    private LoginPool _pool;
    private int _writes;
    private readonly List<string> _failures = [];

    private PooledApplication(ICredentialTarget target, ActiveLogin login, string table, int workers, TimeSpan interval, bool reloads)
    {
        _target = target;
        _table = table;
        _reloads = reloads;
        _pool = new LoginPool(login, DataSource(target, login, workers));
        _workers = [.. Enumerable.Range(0, workers).Select(_ => Task.Run(() => LoopAsync(interval)))];
    }

    /// <summary>The login the pool currently uses.</summary>
    public string Role
    {
        get
        {
            lock (_gate)
            {
                return _pool.Login.Role;
            }
        }
    }

    /// <summary>Writes committed so far.</summary>
    public int Writes => Volatile.Read(ref _writes);

    /// <summary>Failed writes so far, each with its error.</summary>
    public IReadOnlyList<string> Failures
    {
        get
        {
            lock (_gate)
            {
                return [.. _failures];
            }
        }
    }

    /// <summary>Starts writing as the login the target's application Secret holds.</summary>
    public static async Task<PooledApplication> StartAsync(ICredentialTarget target, string table, int workers, TimeSpan interval, bool reloads, CancellationToken cancellationToken) =>
        new(target, await target.ReadActiveLoginAsync(cancellationToken), table, workers, interval, reloads);

    /// <summary>Reads the application Secret again and moves the pool to the login it holds (a stale client does nothing); returns what changed.</summary>
    public async Task<string> ReloadAsync(CancellationToken cancellationToken)
    {
        if (!_reloads)
        {
            return $"the application stand-in ignored the reload (stale client) and keeps its pool as {Role}";
        }

        var login = await _target.ReadActiveLoginAsync(cancellationToken);
        LoginPool old;
        lock (_gate)
        {
            old = _pool;
            _pool = new LoginPool(login, DataSource(_target, login, _workers.Count));
        }

        // Writes already holding a connection of the old pool finish on it; then its connections are closed.
        await old.DrainAsync(cancellationToken);
        await old.Source.DisposeAsync();
        return $"the application stand-in reloaded its pool: {old.Login.Role} -> {login.Role}";
    }

    /// <summary>Stops the writers and closes the pool.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_workers);
        await _pool.Source.DisposeAsync();
        _stop.Dispose();
    }

    private static NpgsqlDataSource DataSource(ICredentialTarget target, ActiveLogin login, int workers) =>
        NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(target.ConnectionStringAs(login.Role, login.Password))
        {
            Pooling = true,
            MinPoolSize = workers,
            MaxPoolSize = workers,
        }.ConnectionString);

    private async Task LoopAsync(TimeSpan interval)
    {
        while (!_stop.IsCancellationRequested)
        {
            LoginPool pool;
            lock (_gate)
            {
                pool = _pool;
                pool.Enter();
            }

            try
            {
                await using var connection = await pool.Source.OpenConnectionAsync(_stop.Token);
                await using var command = new NpgsqlCommand($"INSERT INTO {_table} (payload) VALUES (md5(random()::text))", connection);
                await command.ExecuteNonQueryAsync(_stop.Token);
                Interlocked.Increment(ref _writes);
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException or IOException or ObjectDisposedException)
            {
                lock (_gate)
                {
                    _failures.Add($"{DateTimeOffset.UtcNow:HH:mm:ss.fff} as {pool.Login.Role}: {e.Message.Split('\n')[0]}");
                }
            }
            finally
            {
                pool.Leave();
            }

            try
            {
                await Task.Delay(interval, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }
}
