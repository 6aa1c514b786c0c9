using System.Diagnostics;
using PgPlatform.Stacks.Postgres;
using PgPlatform.Stacks.Rotation;
using PgPlatform.Stacks.Targets;
using PgPlatform.Stacks.Waits;

namespace PgPlatform.Stacks.Drills;

/// <summary>
/// Rotation, end to end with a live client: an application stand-in (<see cref="PooledApplication"/>) writes through
/// a connection pool during the whole <see cref="RotationRunbook"/>, and reloads its pool when the runbook makes
/// clients pick up the new login. Evidence: failed writes (must be 0), time until no pooled connection uses the old
/// role, sessions of the old role when it was disabled and at the end (must be 0), the old login refused (28P01 or
/// 28000), and the new login working and acting as the owner. Under <see cref="Fault.StaleClient"/> the stand-in never
/// reloads, and the drill fails naming the sessions still authenticated as the old login.
/// </summary>
public sealed class RotationDrill : IDrill
{
    private const string Table = "rotation_rows";
    private const int Workers = 8;
    private static readonly TimeSpan ConvergenceTimeout = TimeSpan.FromSeconds(10);

    /// <inheritdoc />
    public DrillKind Kind => DrillKind.Rotation;

    /// <inheritdoc />
    public async Task RunAsync(DrillContext context, DrillRecorder recorder, CancellationToken cancellationToken)
    {
        var target = context.Target as ICredentialTarget ?? throw new NotSupportedException($"the {context.Target.Name} target cannot rotate credentials");
        await DrillTable.CreateAsync(target.ReadWriteConnectionString, Table, cancellationToken);
        var before = await target.ReadActiveLoginAsync(cancellationToken);
        await OwnedByOwnerAsync(target, before, "before", recorder, cancellationToken);

        var stale = context.Fault == Fault.StaleClient;
        await using var application = await PooledApplication.StartAsync(target, Table, Workers, TimeSpan.FromMilliseconds(50), reloads: !stale, cancellationToken);
        await Waiting.UntilAsync("the application stand-in to commit its first writes", TimeSpan.FromSeconds(30), _ => Task.FromResult(application.Writes >= Workers), cancellationToken, TimeSpan.FromMilliseconds(50));
        recorder.Log($"application stand-in writing as {application.Role} through a pool of {Workers} ({(stale ? "stale client: never reloads" : "reloads on request")})");

        DateTimeOffset? convergedAt = null;
        async Task<string> ReloadAsync(CancellationToken ct)
        {
            var old = application.Role;
            var changed = await application.ReloadAsync(ct);
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < ConvergenceTimeout)
            {
                if (await target.CountSessionsAsync(old, ct) == 0)
                {
                    convergedAt = DateTimeOffset.UtcNow;
                    return $"{changed}; no session of {old} left after {clock.Elapsed.TotalSeconds:0.00} s";
                }

                await Task.Delay(100, ct);
            }

            return $"{changed}; sessions of {old} still open after {ConvergenceTimeout.TotalSeconds:0} s";
        }

        var runbook = new RotationRunbook(target, recorder.Log, ReloadAsync)
        {
            OnOldSessionsAfterDisable = (role, sessions) => recorder.Check(sessions == 0,
                $"no session was authenticated as {role} when it was disabled",
                $"{sessions} sessions still authenticated as {role} after the old login was disabled (the client never picked up the new login)"),
        };
        var writesBefore = application.Writes;
        var outcome = await recorder.PhaseAsync("rotate", () => runbook.RotateAsync(cancellationToken));
        var failures = application.Failures;
        var writes = application.Writes - writesBefore;

        recorder.Measure("application writes during the rotation", $"{writes} committed, {failures.Count} failed");
        recorder.Check(failures.Count == 0, $"the pooled application committed {writes} writes during the rotation without one failure",
            $"{failures.Count} application writes failed during the rotation (first: {failures.FirstOrDefault()})");
        recorder.Measure("time until every pooled connection used the new role",
            convergedAt is { } at && outcome.SwitchedAt is { } switched ? $"{(at - switched).TotalSeconds:0.00} s after the switch" : "never (the old role kept pooled sessions)");
        recorder.Measure("sessions authenticated as the old role when it was disabled", $"{outcome.OldSessionsAfterDisable}");
        recorder.Measure("sessions of the old role left at the end", $"{outcome.OldSessionsLeft}");
        recorder.Check(outcome.OldSessionsLeft == 0, $"no session of {outcome.OldRole} is left", $"{outcome.OldSessionsLeft} sessions of {outcome.OldRole} are left after the rotation");
        recorder.Check(outcome.OldLoginRefusal is { } refusal && (refusal.StartsWith("28P01", StringComparison.Ordinal) || refusal.StartsWith("28000", StringComparison.Ordinal)),
            $"a login as {outcome.OldRole} is refused ({outcome.OldLoginRefusal})",
            outcome.OldLoginRefusal is null ? $"{outcome.OldRole} still logs in after the rotation" : $"{outcome.OldRole} failed for another reason than authentication: {outcome.OldLoginRefusal}");

        var after = await target.ReadActiveLoginAsync(cancellationToken);
        recorder.Check(after.Role == outcome.NewRole && after.Role != before.Role, $"the application's Secret holds {after.Role}", $"the application's Secret holds {after.Role}, expected {outcome.NewRole}");
        var newWrite = await Sql.TryScalarAsync<long>(target.ConnectionStringAs(after.Role, after.Password), $"INSERT INTO {Table} (payload) VALUES ('new login') RETURNING id", cancellationToken);
        recorder.Check(newWrite > 0, $"a write as {after.Role} commits", $"a write as {after.Role} did not commit");
        await OwnedByOwnerAsync(target, after, "after", recorder, cancellationToken);
    }

    /// <summary>A table created by <paramref name="login"/> (as a migration would) is owned by the owner, not by the login.</summary>
    private static async Task OwnedByOwnerAsync(ICredentialTarget target, ActiveLogin login, string when, DrillRecorder recorder, CancellationToken cancellationToken)
    {
        var table = $"rotation_owned_{login.Slot}_{when}";
        await Sql.ExecuteAsync(target.ConnectionStringAs(login.Role, login.Password), $"CREATE TABLE IF NOT EXISTS {table} (id int)", cancellationToken);
        // In the application database (the superuser's connection is to another one, whose catalog does not list the table).
        var owner = await Sql.ScalarAsync<string>(target.ConnectionStringAs(login.Role, login.Password), $"SELECT tableowner::text FROM pg_tables WHERE tablename = '{table}'", cancellationToken);
        recorder.Check(owner == target.Owner, $"a table created by {login.Role} is owned by {target.Owner}", $"a table created by {login.Role} is owned by {owner}, not by the owner {target.Owner}");
    }
}
