using Npgsql;
using PgPlatform.Stacks.Postgres;
using PgPlatform.Stacks.Targets;

namespace PgPlatform.Stacks.Drills;

/// <summary>
/// Rotation: a new application password goes to the secret store and the database; a write with the new
/// password commits, a login with the old one is refused, and sessions opened before the rotation (which
/// PostgreSQL never re-authenticates) are reported.
/// </summary>
public sealed class RotationDrill : IDrill
{
    private const string Table = "rotation_rows";

    /// <inheritdoc />
    public DrillKind Kind => DrillKind.Rotation;

    /// <inheritdoc />
    public async Task RunAsync(DrillContext context, DrillRecorder recorder, CancellationToken cancellationToken)
    {
        var target = context.Target as ICredentialTarget ?? throw new NotSupportedException($"the {context.Target.Name} target cannot rotate credentials");
        var oldPassword = target.ApplicationPassword;
        await DrillTable.CreateAsync(target.ReadWriteConnectionString, Table, cancellationToken);

        await using var openSession = new NpgsqlConnection(target.ConnectionStringWithPassword(oldPassword));
        await openSession.OpenAsync(cancellationToken);
        var rotatedAt = DateTimeOffset.UtcNow;
        var newPassword = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        await recorder.PhaseAsync("rotate", () => target.RotatePasswordAsync(newPassword, cancellationToken));

        var newLogin = await recorder.PhaseAsync("write with the new password", () => TryWriteAsync(target.ConnectionStringWithPassword(newPassword), cancellationToken));
        recorder.Check(newLogin is null, "a write with the new password committed", $"the new password does not work: {newLogin}");

        var oldLogin = await recorder.PhaseAsync("login with the old password", () => TryWriteAsync(target.ConnectionStringWithPassword(oldPassword), cancellationToken));
        recorder.Check(oldLogin is not null && oldLogin.Contains("28P01", StringComparison.Ordinal),
            "a login with the old password is refused (28P01)",
            oldLogin is null ? "the old password still logs in" : $"the old password failed for another reason than authentication: {oldLogin}");

        var stillAlive = await SessionAliveAsync(openSession, cancellationToken);
        var oldSessions = await Sql.ScalarAsync<long>(target.SuperuserReadWriteConnectionString,
            $"SELECT count(*) FROM pg_stat_activity WHERE usename = '{target.ApplicationRole}' AND backend_start < '{rotatedAt.UtcDateTime:O}'::timestamptz", cancellationToken);
        recorder.Measure("sessions authenticated before the rotation, still open", $"{oldSessions} (the drill's own pre-rotation session {(stillAlive ? "still answers" : "was closed")})");
    }

    /// <summary>Null when a write through <paramref name="connectionString"/> committed; otherwise the error with its SQLSTATE.</summary>
    private static async Task<string?> TryWriteAsync(string connectionString, CancellationToken cancellationToken)
    {
        try
        {
            await DrillTable.InsertAsync(connectionString, Table, cancellationToken);
            return null;
        }
        catch (NpgsqlException e)
        {
            // Through a multi-host endpoint each host's refusal is wrapped in "unable to connect to a suitable host".
            return ServerErrors(e).FirstOrDefault() is { } server ? $"{server.SqlState}: {server.MessageText}" : e.Message;
        }
    }

    private static IEnumerable<PostgresException> ServerErrors(Exception? e) => e switch
    {
        null => [],
        PostgresException server => [server],
        AggregateException aggregate => aggregate.InnerExceptions.SelectMany(ServerErrors),
        _ => ServerErrors(e.InnerException),
    };

    private static async Task<bool> SessionAliveAsync(NpgsqlConnection session, CancellationToken cancellationToken)
    {
        try
        {
            await using var command = new NpgsqlCommand("SELECT 1", session);
            return await command.ExecuteScalarAsync(cancellationToken) is 1;
        }
        catch (NpgsqlException)
        {
            return false;
        }
    }
}
