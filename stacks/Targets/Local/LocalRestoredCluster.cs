using System.Globalization;
using Npgsql;
using PgPlatform.Stacks.Waits;

namespace PgPlatform.Stacks.Targets.Local;

/// <summary>
/// A PostgreSQL restored from a barman-cloud backup into a clean data directory of the run, with
/// <c>archive_mode=off</c> so it never writes into the source's archive.
/// </summary>
internal sealed class LocalRestoredCluster : IRestoredCluster
{
    private readonly Daemon _postmaster;
    private readonly string _directory;

    private LocalRestoredCluster(Daemon postmaster, string directory, string connectionString, DateTimeOffset startedAt, DateTimeOffset recoveryStartedAt, DateTimeOffset readWriteAt)
    {
        RecoveryStartedAt = recoveryStartedAt;
        _postmaster = postmaster;
        _directory = directory;
        ConnectionString = connectionString;
        StartedAt = startedAt;
        ReadWriteAt = readWriteAt;
    }

    public string Location => Path.Combine(_directory, "data");

    public string ConnectionString { get; }

    public DateTimeOffset StartedAt { get; }

    public DateTimeOffset ReadWriteAt { get; }

    public DateTimeOffset? RecoveryStartedAt { get; }

    /// <summary>
    /// Restores, starts recovery and waits for the first read-write query; throws <see cref="RestoreFailedException"/> when
    /// recovery stops or never ends. WAL comes through <paramref name="restoreCommand"/> (given the spool directory), by
    /// default <paramref name="barman"/>'s at its declared parallelism; recovery may take <paramref name="recoveryTimeout"/> (default 180 s).
    /// </summary>
    public static async Task<LocalRestoredCluster> RestoreAsync(RestoreRequest request, string runRoot, BarmanCloud barman, bool wrongKey, string postgresBin, RunAs runAs, string superuserPassword, CancellationToken cancellationToken, Func<string, string>? restoreCommand = null, TimeSpan? recoveryTimeout = null)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var directory = Path.Combine(runRoot, $"restore-{request.Name}");
        var data = Path.Combine(directory, "data");
        Directory.CreateDirectory(directory);
        await runAs.GiveAsync(directory, cancellationToken);
        try
        {
            await barman.RestoreAsync(request.BackupId, data, wrongKey, cancellationToken);
        }
        catch (ObjectStoreException e)
        {
            throw new RestoreFailedException($"base backup {request.BackupId} could not be restored: {e.Message}", e);
        }

        var port = PortAllocator.Next();
        WriteConfiguration(data, directory, port, (restoreCommand ?? barman.RestoreCommand)(Path.Combine(directory, "wal-spool")), request.TargetTime);
        await runAs.GiveAsync(directory, cancellationToken);
        if (request.BeforeRecovery is { } hook)
        {
            await hook(cancellationToken);
        }

        var recoveryStartedAt = DateTimeOffset.UtcNow;
        var postmaster = Daemon.Start($"restore-{request.Name}", [Path.Combine(postgresBin, "postgres"), "-D", data], directory, Path.Combine(directory, "postgres.log"), runAs, barman.ServerEnvironment(wrongKey));
        var connectionString = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1", Port = port, Username = "postgres", Password = superuserPassword, Database = "postgres", Pooling = false, Timeout = 3, CommandTimeout = 10,
        }.ConnectionString;
        try
        {
            await Waiting.UntilAsync($"restored cluster {request.Name} to accept a read-write query", recoveryTimeout ?? TimeSpan.FromSeconds(180), async ct =>
            {
                if (postmaster.HasExited)
                {
                    throw new RestoreFailedException($"PostgreSQL stopped during recovery: {postmaster.LogTail(3)}");
                }

                return await AcceptsWriteAsync(connectionString, ct);
            }, cancellationToken, TimeSpan.FromMilliseconds(200));
        }
        catch (TimeoutException e)
        {
            postmaster.Kill();
            throw new RestoreFailedException($"{e.Message}; last log lines: {postmaster.LogTail(3)}", e);
        }
        catch (RestoreFailedException)
        {
            postmaster.Kill();
            throw;
        }

        return new LocalRestoredCluster(postmaster, directory, connectionString, startedAt, recoveryStartedAt, DateTimeOffset.UtcNow);
    }

    public ValueTask DisposeAsync()
    {
        // SIGQUIT is an immediate shutdown that still releases shared memory; the run directory sweep catches the rest.
        _postmaster.Signal(NativeMethods.SigQuit);
        ProcessSweeper.KillAll(_directory, TimeSpan.FromSeconds(10));
        return ValueTask.CompletedTask;
    }

    private static async Task<bool> AcceptsWriteAsync(string connectionString, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("CREATE TEMP TABLE restore_probe (at timestamptz); INSERT INTO restore_probe VALUES (now())", connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
            return true;
        }
        catch (NpgsqlException)
        {
            return false;
        }
    }

    /// <summary>
    /// Replaces the restored postgresql.conf: Patroni's copy points at the source's hba file, port,
    /// archive_command and synchronous standbys, none of which may apply to a restore.
    /// </summary>
    private static void WriteConfiguration(string data, string directory, int port, string restoreCommand, DateTimeOffset? targetTime)
    {
        var lines = new List<string>
        {
            "include 'postgresql.base.conf'",
            "listen_addresses = '127.0.0.1'",
            $"port = {port}",
            $"unix_socket_directories = '{directory}'",
            "dynamic_shared_memory_type = 'mmap'",
            "archive_mode = 'off'",
            "synchronous_standby_names = ''",
            "hot_standby = 'on'",
            $"restore_command = '{restoreCommand}'",
            "recovery_target_action = 'promote'",
        };
        if (targetTime is { } time)
        {
            lines.Add($"recovery_target_time = '{time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture)}+00'");
        }

        File.WriteAllLines(Path.Combine(data, "postgresql.conf"), lines);
        File.WriteAllText(Path.Combine(data, "postgresql.auto.conf"), string.Empty);
        File.WriteAllText(Path.Combine(data, "recovery.signal"), string.Empty);
    }
}
