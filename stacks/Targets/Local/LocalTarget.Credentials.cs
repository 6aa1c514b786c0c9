using PgPlatform.Components.Day2;
using PgPlatform.Components.Vocabulary;
using PgPlatform.Stacks.Postgres;
using PgPlatform.Stacks.Waits;

namespace PgPlatform.Stacks.Targets.Local;

/// <summary>
/// The login roles on the local target, shaped as the Cluster declares them: its bootstrap SQL
/// (<c>postInitApplicationSQL</c>) creates them, their names come from its managed roles, this object is the secret store (the slots' passwords and
/// the active slot), and it applies the store to PostgreSQL the way CNPG applies a managed role's Secret. The rotation
/// state is a file in the run directory.
/// </summary>
public sealed partial class LocalTarget
{
    private readonly Dictionary<string, string> _loginPasswords = DatabaseNames.LoginSlots.ToDictionary(s => s, _ => LocalPasswords.New());
    private readonly Lock _secretsGate = new();
    private string _activeSlot = DatabaseLogins.InitialSlot;

    /// <inheritdoc />
    public string Owner => _shape.Owner;

    /// <inheritdoc />
    public string LoginRole(string slot) => _shape.LoginRoles.TryGetValue(slot, out var declared) ? declared : DatabaseNames.LoginRole(_shape.Owner, slot);

    /// <inheritdoc />
    public string ConnectionStringAs(string role, string password) => Endpoint(role, password, _shape.Database);

    /// <inheritdoc />
    public Task<ActiveLogin> ReadActiveLoginAsync(CancellationToken cancellationToken)
    {
        lock (_secretsGate)
        {
            return Task.FromResult(new ActiveLogin(_activeSlot, LoginRole(_activeSlot), _loginPasswords[_activeSlot]));
        }
    }

    /// <inheritdoc />
    public Task<string> ReadLoginPasswordAsync(string slot, CancellationToken cancellationToken)
    {
        lock (_secretsGate)
        {
            return Task.FromResult(_loginPasswords[slot]);
        }
    }

    /// <inheritdoc />
    public async Task<string> WriteLoginPasswordAsync(string slot, string password, CancellationToken cancellationToken)
    {
        lock (_secretsGate)
        {
            _loginPasswords[slot] = password;
        }

        // What CNPG does with a changed passwordSecret and login: true.
        await Sql.ExecuteAsync(SuperuserReadWriteConnectionString, $"ALTER ROLE {LoginRole(slot)} LOGIN PASSWORD '{password}'", cancellationToken);
        return $"new password of {LoginRole(slot)} in the local secret store, login allowed";
    }

    /// <inheritdoc />
    public async Task<string> WaitLoginAppliedAsync(string slot, string password, CancellationToken cancellationToken)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await Waiting.UntilAsync($"PostgreSQL to accept the new password of {LoginRole(slot)}", TimeSpan.FromSeconds(30),
            async ct => await Sql.TryScalarAsync<int>(ConnectionStringAs(LoginRole(slot), password), "SELECT 1", ct) == 1, cancellationToken, TimeSpan.FromMilliseconds(200));
        return $"a login as {LoginRole(slot)} with the new password succeeds (after {clock.Elapsed.TotalSeconds:0.0} s)";
    }

    /// <inheritdoc />
    public Task<string> SwitchActiveLoginAsync(string slot, CancellationToken cancellationToken)
    {
        lock (_secretsGate)
        {
            var before = _activeSlot;
            _activeSlot = slot;
            return Task.FromResult($"the application's login is {LoginRole(slot)} (was {LoginRole(before)})");
        }
    }

    /// <inheritdoc />
    public Task<string> ReloadClientsAsync(CancellationToken cancellationToken) => Task.FromResult("no application runs on the local target");

    /// <inheritdoc />
    public async Task<string> DisableLoginAsync(string slot, CancellationToken cancellationToken)
    {
        await Sql.ExecuteAsync(SuperuserReadWriteConnectionString, $"ALTER ROLE {LoginRole(slot)} NOLOGIN", cancellationToken);
        return $"{LoginRole(slot)} may no longer log in (NOLOGIN)";
    }

    /// <inheritdoc />
    public async Task<int> CountSessionsAsync(string role, CancellationToken cancellationToken) =>
        (int)await Sql.ScalarAsync<long>(SuperuserReadWriteConnectionString, $"SELECT count(*) FROM pg_stat_activity WHERE usename = '{role}'", cancellationToken);

    /// <inheritdoc />
    public async Task<int> TerminateSessionsAsync(string role, CancellationToken cancellationToken) =>
        (int)await Sql.ScalarAsync<long>(SuperuserReadWriteConnectionString, $"SELECT count(*) FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '{role}') ended", cancellationToken);

    /// <inheritdoc />
    public async Task<RotationState?> ReadRotationAsync(CancellationToken cancellationToken)
    {
        var file = RotationStateFile;
        return File.Exists(file) ? RotationState.Parse(await File.ReadAllTextAsync(file, cancellationToken), file) : null;
    }

    /// <inheritdoc />
    public async Task<string> WriteRotationAsync(RotationState? state, CancellationToken cancellationToken)
    {
        var file = RotationStateFile;
        if (state is null)
        {
            File.Delete(file);
        }
        else
        {
            await File.WriteAllTextAsync(file + ".new", state.ToJson(), cancellationToken);
            File.Move(file + ".new", file, overwrite: true);
        }

        return file;
    }

    private string RotationStateFile => Path.Combine(_run.Path, "rotation-state.json");

    /// <summary>Creates the login roles exactly as the Cluster's bootstrap does, and gives the active one its password.</summary>
    private async Task CreateLoginsAsync(CancellationToken cancellationToken)
    {
        // As CNPG's initdb bootstrap runs the declared postInitApplicationSQL in the application's database (cloudnative-pg docs/src/bootstrap.md).
        foreach (var statement in _shape.PostInitApplicationSql)
        {
            await Sql.ExecuteAsync(Endpoint("postgres", _passwords.Superuser, _shape.Database), statement, cancellationToken);
        }

        await WriteLoginPasswordAsync(_activeSlot, _loginPasswords[_activeSlot], cancellationToken);
    }
}
