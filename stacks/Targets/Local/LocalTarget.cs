using PgPlatform.Stacks.Evidence;
using PgPlatform.Stacks.Postgres;
using PgPlatform.Stacks.Waits;

namespace PgPlatform.Stacks.Targets.Local;

/// <summary>
/// The embedded default target: etcd, Patroni members shaped as a <see cref="LocalShape"/> says (PostgreSQL 17 when
/// declared and installed, else Debian's 15: <see cref="PostgresBinaries"/>),
/// HAProxy as the application's read-write address, and Azurite on loopback, WAL archived by barman-cloud into
/// Azurite, all in one temporary run directory. Every process is started and
/// ended here; disposing (or the process exiting, or a later run finding the directory orphaned) ends them
/// all and deletes the directory.
/// </summary>
public sealed partial class LocalTarget : IFailoverTarget, IBackupTarget, ICredentialTarget
{
    private const string Scope = "pg-platform";
    private readonly LocalTargetOptions _options;
    private readonly LocalShape _shape;
    private readonly HaProxy _haProxy;
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
    private IReadOnlyDictionary<string, string> _appliedParameters = new Dictionary<string, string>();
    private IReadOnlyList<SkippedParameter> _skippedParameters = [];
    private PostgresBinaries? _binaries;

    private LocalTarget(LocalTargetOptions options, LocalShape shape, RunDirectory run, RunAs runAs, string azuriteLauncher)
    {
        _options = options;
        _shape = shape;
        _run = run;
        _runAs = runAs;
        _passwords = LocalPasswords.Random();
        _applicationPassword = _passwords.Application;
        _etcdPort = PortAllocator.Next();
        _azurite = new Azurite(azuriteLauncher, run.Path, PortAllocator.Next(), "backups", runAs);
        _barman = new BarmanCloud(_azurite, Scope, runAs, run.Path, options.WalMaxParallel);
        _members = [.. Enumerable.Range(1, shape.Instances).Select(i => new PatroniMember($"member-{i}", Path.Combine(run.Path, $"member-{i}"), PortAllocator.Next(), PortAllocator.Next()))];
        _haProxy = new HaProxy(Path.Combine(run.Path, "haproxy"), PortAllocator.Next(), PortAllocator.Next());
        Facts = new TargetFacts("patroni (not started)", "postgresql (not started)", "local disk", shape.Replication, shape.TierName);
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
    }

    /// <inheritdoc />
    public string Name => "local";

    /// <inheritdoc />
    public TargetFacts Facts { get; private set; }

    /// <summary>The run directory holding every file of the target.</summary>
    public string RunDirectory => _run.Path;

    /// <inheritdoc />
    public string ReadWriteConnectionString => Endpoint(_shape.Owner, _applicationPassword, _shape.Database);

    /// <inheritdoc />
    public string SuperuserReadWriteConnectionString => Endpoint("postgres", _passwords.Superuser, "postgres");

    /// <inheritdoc />
    public IReadOnlyList<ClusterMember> Members => [.. _members.Select(m => new ClusterMember(m.Name, Direct(m.PostgresPort)))];

    /// <inheritdoc />
    public bool UseWrongObjectStoreCredentials { get; set; }

    /// <summary>
    /// Checks prerequisites, starts everything shaped as <paramref name="shape"/> and returns once a write through
    /// the read-write endpoint commits and every replica streams. Throws <see cref="TargetUnavailableException"/> (after tearing down
    /// whatever started) when a prerequisite is missing or a component never becomes ready.
    /// </summary>
    public static async Task<LocalTarget> StartAsync(LocalTargetOptions options, LocalShape shape, Action<string> progress, CancellationToken cancellationToken)
    {
        var runAs = RunAs.ForCurrentProcess();
        var azurite = options.AzuriteLauncher;
        Prerequisites.Check(options, azurite, runAs);
        runAs.CheckCanReach(options.TempRoot ?? Path.GetTempPath());
        var target = new LocalTarget(options, shape, Local.RunDirectory.Create(options.TempRoot), runAs, azurite);
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
        _binaries = PostgresBinaries.Resolve(_options, _shape.DeclaredMajor, _run.Path);
        progress(_binaries.Description);
        var known = await PostgresParameterFilter.KnownParametersAsync(Binaries.Directory, cancellationToken);
        (_appliedParameters, _skippedParameters) = PostgresParameterFilter.Split(_shape.Parameters, known, $"the PostgreSQL of {Binaries.Directory}");
        var replicaCopy = Binaries.ReplicasByCopy ? WriteReplicaCopy() : null;
        foreach (var member in _members)
        {
            member.WriteConfiguration(Scope, _etcdPort, Binaries.Directory, _barman.ArchiveCommand, _passwords, _shape.Replication, _appliedParameters, replicaCopy);
        }

        Directory.CreateDirectory(Path.Combine(_run.Path, "etcd"));
        _barman.WriteHelpers();
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

        _haProxy.Start(_members, _runAs);
        await Waiting.UntilAsync($"a write through the read-write endpoint and {_members.Count - 1} streaming replica(s)", _options.StartTimeout, async ct =>
        {
            if (_members.FirstOrDefault(m => !m.Running) is { } dead)
            {
                throw new TargetUnavailableException($"Patroni {dead.Name} exited at start: {dead.LogTail()}");
            }

            if (!_haProxy.Running)
            {
                throw new TargetUnavailableException($"HAProxy exited at start: {_haProxy.LogTail()}");
            }

            return await ClusterHealthyAsync(ct);
        }, cancellationToken, TimeSpan.FromMilliseconds(250));
        progress($"Patroni cluster up ({_shape.Subject}): {string.Join(", ", _members.Select(m => $"{m.Name} on 127.0.0.1:{m.PostgresPort}"))}; {_haProxy.Describe()}");

        // The bootstrap CNPG's initdb does: the owner's login and its database (cloudnative-pg docs/src/bootstrap.md).
        await Sql.ExecuteAsync(SuperuserReadWriteConnectionString, $"CREATE ROLE {Quoted(_shape.Owner)} LOGIN PASSWORD '{_applicationPassword}'", cancellationToken);
        await Sql.ExecuteAsync(SuperuserReadWriteConnectionString, $"CREATE DATABASE {Quoted(_shape.Database)} OWNER {Quoted(_shape.Owner)}", cancellationToken);
        await CreateLoginsAsync(cancellationToken);
        _ranVersion = await Sql.ScalarAsync<string>(SuperuserReadWriteConnectionString, "SHOW server_version", cancellationToken);
        var versions = PostgresVersions.Compare(_shape.DeclaredImage, _ranVersion);
        Facts = new TargetFacts(
            await PatroniVersionAsync(cancellationToken),
            PostgresVersions.Mismatch(versions) ? $"postgresql {_ranVersion}; declared {_shape.DeclaredImage} (major differs)" : $"postgresql {_ranVersion}",
            "local disk", _shape.Replication, _shape.TierName);
    }

    /// <summary>Writes <see cref="ReplicaCopy"/>'s script and returns the patroni.yml settings that make it the replica method.</summary>
    private string WriteReplicaCopy()
    {
        var script = Path.Combine(_run.Path, "replica_copy.py");
        File.WriteAllText(script, ReplicaCopy.Python + "\n");
        return ReplicaCopy.PatroniSettings(script, _members.Select(m => (m.PostgresPort, m.Directory)));
    }

    private PostgresBinaries Binaries => _binaries ?? throw new InvalidOperationException("the local target has not started");

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

        _haProxy.Kill();
        _etcd?.Kill();
        _azurite.Kill();
        _run.Destroy();
    }
}
