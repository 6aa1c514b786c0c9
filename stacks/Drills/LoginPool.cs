using Npgsql;
using PgPlatform.Stacks.Targets;

namespace PgPlatform.Stacks.Drills;

/// <summary>One connection pool of <see cref="PooledApplication"/>, logged in as one login, and the writes in flight on it.</summary>
internal sealed class LoginPool(ActiveLogin login, NpgsqlDataSource source)
{
    private int _inFlight;

    /// <summary>The login the pool's connections authenticate as.</summary>
    public ActiveLogin Login { get; } = login;

    /// <summary>The pool.</summary>
    public NpgsqlDataSource Source { get; } = source;

    /// <summary>A write starts on this pool.</summary>
    public void Enter() => Interlocked.Increment(ref _inFlight);

    /// <summary>A write on this pool ended.</summary>
    public void Leave() => Interlocked.Decrement(ref _inFlight);

    /// <summary>Waits until no write is in flight on this pool.</summary>
    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        while (Volatile.Read(ref _inFlight) > 0)
        {
            await Task.Delay(10, cancellationToken);
        }
    }
}
