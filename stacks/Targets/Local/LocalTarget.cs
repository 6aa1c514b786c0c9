using PgPlatform.Stacks.Postgres;
using PgPlatform.Stacks.Waits;

namespace PgPlatform.Stacks.Targets.Local;

/// <summary>
/// The embedded default target: etcd, three Patroni members (PostgreSQL 15) and Azurite on loopback, WAL
/// archived by barman-cloud into Azurite, all in one temporary run directory. Every process is started and
/// ended here; disposing (or the process exiting, or a later run finding the directory orphaned) ends them
/// all and deletes the directory.
/// </summary>
public sealed partial class LocalTarget : IFailoverTarget, IBackupTarget, ICredentialTarget
{
    private const string Scope = "pg-platform";
    private const string AppRole = "app";
    private readonly LocalTargetOptions _options;
    private readonly RunDirectory _run;
    private readonly RunAs _runAs;
    private readonly LocalPasswords _passwords;
    private readonly Azurite _azurite;
    private readonly BarmanCloud _barman;
    private readonly List<PatroniMember> _members;
    private readonly int _etcdPort;
    private readonly Lock _teardownGate = new();
    private Daemon? _etcd;
    private readonly string _applicationPassword;
    private bool _tornDown;

    private LocalTarget(LocalTargetOptions options, RunDirectory run, RunAs runAs, string azuriteLauncher)
    {
        _options = options;
        _run = run;
        _runAs = runAs;
        _passwords = LocalPasswords.Random();
        _applicationPassword = _passwords.Application;
        _etcdPort = PortAllocator.Next();
        _azurite = new Azurite(azuriteLauncher, run.Path, PortAllocator.Next(), "backups", runAs);
        _barman = new BarmanCloud(_azurite, Scope, runAs, run.Path);
        _members = [.. Enumerable.Range(1, 3).Select(i => new PatroniMember($"member-{i}", Path.Combine(run.Path, $"member-{i}"), PortAllocator.Next(), PortAllocator.Next()))];
        Facts = new TargetFacts("patroni (not started)", "postgresql 15", "local disk");
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
    }

    /// <inheritdoc />
    public string Name => "local";

    /// <inheritdoc />
    public TargetFacts Facts { get; private set; }

    /// <summary>The run directory holding every file of the target.</summary>
    public string RunDirectory => _run.Path;

    /// <inheritdoc />
    public string ReadWriteConnectionString => MultiHost(AppRole, _applicationPassword, AppRole);

    /// <inheritdoc />
    public string SuperuserReadWriteConnectionString => MultiHost("postgres", _passwords.Superuser, "postgres");

    /// <inheritdoc />
    public IReadOnlyList<ClusterMember> Members => [.. _members.Select(m => new ClusterMember(m.Name, Direct(m.PostgresPort)))];

    /// <inheritdoc />
    public bool UseWrongObjectStoreCredentials { get; set; }

    /// <summary>
    /// Checks prerequisites, starts everything and returns once a write through the read-write endpoint
    /// commits and both replicas stream. Throws <see cref="TargetUnavailableException"/> (after tearing down
    /// whatever started) when a prerequisite is missing or a component never becomes ready.
    /// </summary>
    public static async Task<LocalTarget> StartAsync(LocalTargetOptions options, Action<string> progress, CancellationToken cancellationToken)
    {
        var runAs = RunAs.ForCurrentProcess();
        var azurite = options.AzuriteBlobPath
            ?? Path.Combine(RepositoryRoot.Find() ?? Directory.GetCurrentDirectory(), ".tools", "azurite", "node_modules", ".bin", "azurite-blob");
        Prerequisites.Check(options, azurite, runAs);
        runAs.CheckCanReach(options.TempRoot ?? Path.GetTempPath());
        var target = new LocalTarget(options, Local.RunDirectory.Create(options.TempRoot), runAs, azurite);
        try
        {
            await target.StartComponentsAsync(progress, cancellationToken);
            return target;
        }
        catch (Exception e)
        {
            await target.DisposeAsync();
            if (e is OperationCanceledException or TargetUnavailableException)
            {
                throw;
            }

            // Npgsql reports a cancelled connect as "unable to connect to a suitable host": a Ctrl-C is not a broken target.
            cancellationToken.ThrowIfCancellationRequested();

            throw new TargetUnavailableException($"local target did not start: {e.Message}", e);
        }
    }

    /// <inheritdoc />
    public Task KillAsync(ClusterMember primary, PrimaryKill kill, CancellationToken cancellationToken)
    {
        var member = _members.Single(m => m.Name == primary.Name);
        if (kill == PrimaryKill.Agent)
        {
            member.KillPatroni();
        }
        else if (member.PostmasterPid() is { } pid)
        {
            NativeMethods.Signal(pid, NativeMethods.SigKill);
        }
        else
        {
            throw new InvalidOperationException($"{member.Name} has no running postmaster to kill");
        }

        return Task.CompletedTask;
    }

    /// <summary>Ends every process and deletes the run directory. Safe to call more than once.</summary>
    public ValueTask DisposeAsync()
    {
        Teardown();
        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        return ValueTask.CompletedTask;
    }

    private async Task StartComponentsAsync(Action<string> progress, CancellationToken cancellationToken)
    {
        foreach (var member in _members)
        {
            member.WriteConfiguration(Scope, _etcdPort, _options.PostgresBinDirectory, _barman.ArchiveCommand, _passwords);
        }

        Directory.CreateDirectory(Path.Combine(_run.Path, "etcd"));
        _barman.WriteRetryPolicy();
        await _runAs.GiveAsync(_run.Path, cancellationToken);
        progress($"run directory {_run.Path}");

        var etcdReady = StartEtcdAsync(cancellationToken);
        await Task.WhenAll(etcdReady, _azurite.StartAsync(cancellationToken));
        progress($"etcd on 127.0.0.1:{_etcdPort}, Azurite blob on 127.0.0.1:{_azurite.Port}");

        var environment = _barman.ServerEnvironment(wrongKey: false);
        foreach (var member in _members)
        {
            member.Start(_runAs, environment);
        }

        await Waiting.UntilAsync("a write through the read-write endpoint and two streaming replicas", _options.StartTimeout, async ct =>
        {
            if (_members.FirstOrDefault(m => !m.Running) is { } dead)
            {
                throw new TargetUnavailableException($"Patroni {dead.Name} exited at start: {dead.LogTail()}");
            }

            return await ClusterHealthyAsync(ct);
        }, cancellationToken, TimeSpan.FromMilliseconds(250));
        progress($"Patroni cluster up: {string.Join(", ", _members.Select(m => $"{m.Name} on 127.0.0.1:{m.PostgresPort}"))}");

        await Sql.ExecuteAsync(SuperuserReadWriteConnectionString, $"CREATE ROLE {AppRole} LOGIN PASSWORD '{_applicationPassword}'", cancellationToken);
        await Sql.ExecuteAsync(SuperuserReadWriteConnectionString, $"CREATE DATABASE {AppRole} OWNER {AppRole}", cancellationToken);
        await CreateLoginsAsync(cancellationToken);
        Facts = new TargetFacts(await PatroniVersionAsync(cancellationToken), await PostgresVersionAsync(cancellationToken), "local disk");
    }

    private async Task StartEtcdAsync(CancellationToken cancellationToken)
    {
        var peerPort = PortAllocator.Next();
        _etcd = Daemon.Start("etcd",
            ["/usr/bin/etcd", "--name", "etcd", "--data-dir", Path.Combine(_run.Path, "etcd"),
             "--listen-client-urls", $"http://127.0.0.1:{_etcdPort}", "--advertise-client-urls", $"http://127.0.0.1:{_etcdPort}",
             "--listen-peer-urls", $"http://127.0.0.1:{peerPort}", "--initial-advertise-peer-urls", $"http://127.0.0.1:{peerPort}",
             "--initial-cluster", $"etcd=http://127.0.0.1:{peerPort}"],
            _run.Path, Path.Combine(_run.Path, "etcd.log"), _runAs, new Dictionary<string, string>());
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        await Waiting.UntilAsync($"etcd on port {_etcdPort}", TimeSpan.FromSeconds(30), async ct =>
        {
            if (_etcd.HasExited)
            {
                throw new TargetUnavailableException($"etcd exited at start: {_etcd.LogTail()}");
            }

            try
            {
                return (await http.GetStringAsync($"http://127.0.0.1:{_etcdPort}/health", ct)).Contains("true", StringComparison.Ordinal);
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }, cancellationToken);
    }

    private void OnProcessExit(object? sender, EventArgs e) => Teardown();

    private void Teardown()
    {
        lock (_teardownGate)
        {
            if (_tornDown)
            {
                return;
            }

            _tornDown = true;
        }

        // Patroni first, so nothing restarts a PostgreSQL while the sweep ends it.
        foreach (var member in _members)
        {
            member.KillPatroni();
        }

        _etcd?.Kill();
        _azurite.Kill();
        _run.Destroy();
    }
}
