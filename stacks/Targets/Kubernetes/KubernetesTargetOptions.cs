using Npgsql;
using PgPlatform.Components.Declaration;
using PgPlatform.Stacks.Postgres;
using PgPlatform.Stacks.Targets.ObjectStore;

namespace PgPlatform.Stacks.Targets.Kubernetes;

/// <summary>
/// Which CNPG cluster a <see cref="KubernetesTarget"/> drives, and how long it waits for each thing. The names come
/// from the database's declaration (<see cref="For"/>, <see cref="WithNamesOf"/>), never rebuilt from strings.
/// </summary>
public sealed record KubernetesTargetOptions
{
    /// <summary>The namespace of the Cluster.</summary>
    public required string Namespace { get; init; }

    /// <summary>The CNPG Cluster.</summary>
    public required string ClusterName { get; init; }

    /// <summary>The Secret holding the owner's login (<c>username</c>, <c>password</c>), written by External Secrets.</summary>
    public required string OwnerSecretName { get; init; }

    /// <summary>The ExternalSecret writing <see cref="OwnerSecretName"/>, which rotation forces to sync; needed for rotation.</summary>
    public string? OwnerExternalSecretName { get; init; }

    /// <summary>The Key Vault secret holding the owner's password; needed for rotation.</summary>
    public string? VaultSecretName { get; init; }

    /// <summary>The login roles a rotation switches between, and the application's Deployment; needed for rotation.</summary>
    public KubernetesLogins? Logins { get; init; }

    /// <summary>
    /// The ServiceAccount the instances must run as (the one day-0 federates with the backup identity); a pod running
    /// as another makes the target unavailable. Null does not check.
    /// </summary>
    public string? ServiceAccountName { get; init; }

    /// <summary>Where the CNPG operator runs. Default <c>cnpg-system</c>.</summary>
    public string OperatorNamespace { get; init; } = "cnpg-system";

    /// <summary>Longest wait for the Cluster to be Ready at start. Default 10 minutes.</summary>
    public TimeSpan ReadyTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Longest wait, after the primary was killed, for the Cluster to be Ready with another primary. Default 3 minutes.</summary>
    public TimeSpan FailoverTimeout { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>Longest wait for a Backup to complete. Default 30 minutes.</summary>
    public TimeSpan BackupTimeout { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Longest wait for External Secrets to write a rotated password and CNPG to accept it. Default 5 minutes.</summary>
    public TimeSpan RotationTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Between two reads of what rotation waits on (the owner Secret, a login), and the pause before a watch the
    /// API server ended (Cluster, Backup) is started again. Default 2 seconds.
    /// </summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Longest wait for a switched WAL segment to be archived. Default 2 minutes.</summary>
    public TimeSpan ArchiveTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Longest wait for a restored Cluster to be Ready and accept writes, after its deployment. Default 30 minutes.</summary>
    public TimeSpan RestoreTimeout { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>The Cluster's archive where the Barman Cloud plugin writes it; needed by backup health and the wal-gap fault.</summary>
    public BarmanObjectStore? ObjectStore { get; init; }

    /// <summary>Deploys a Cluster of the same name restored from this one's object store into a clean namespace (a restore stack); needed by the restore drill.</summary>
    public Func<RestoreRequest, CancellationToken, Task<RestoreDeployment>>? DeployRestore { get; init; }

    /// <summary>True when a login with a connection string succeeds; the default opens an Npgsql connection.</summary>
    public Func<string, CancellationToken, Task<bool>> LoginProbe { get; init; } = CanLogInAsync;

    /// <summary>True when a connection string reaches a primary that accepts writes; the default asks PostgreSQL whether it is in recovery.</summary>
    public Func<string, CancellationToken, Task<bool>> ReadWriteProbe { get; init; } = AcceptsWritesAsync;

    /// <summary>Options for <paramref name="database"/>, with every name taken from its declaration and default waits.</summary>
    public static KubernetesTargetOptions For(DeclaredDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        return new KubernetesTargetOptions { Namespace = database.Namespace, ClusterName = database.ClusterName, OwnerSecretName = database.OwnerSecretName }.WithNamesOf(database);
    }

    /// <summary>These options (waits, probes) for <paramref name="database"/>: namespace, Cluster, owner Secret and ExternalSecret, vault secret and ServiceAccount as it declares them.</summary>
    public KubernetesTargetOptions WithNamesOf(DeclaredDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        return this with
        {
            Namespace = database.Namespace,
            ClusterName = database.ClusterName,
            OwnerSecretName = database.OwnerSecretName,
            OwnerExternalSecretName = database.OwnerExternalSecretName,
            VaultSecretName = database.VaultSecretName,
            ServiceAccountName = database.ServiceAccountName,
            Logins = database.Logins is { } logins ? new KubernetesLogins(database.Owner, logins, database.Application) : null,
        };
    }

    /// <summary>True when the server answers and is not in recovery.</summary>
    public static async Task<bool> AcceptsWritesAsync(string connectionString, CancellationToken cancellationToken) =>
        await Sql.TryScalarAsync<bool>(connectionString, "SELECT NOT pg_is_in_recovery()", cancellationToken) == true;

    /// <summary>Opens and closes a connection; false when the server refuses or cannot be reached.</summary>
    public static async Task<bool> CanLogInAsync(string connectionString, CancellationToken cancellationToken) =>
        await Sql.TryScalarAsync<int>(connectionString, "SELECT 1", cancellationToken) == 1;

    /// <summary>The connection string of <paramref name="user"/> through a forward on local <paramref name="port"/>.</summary>
    internal static string ConnectionString(int port, string user, string password, string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = port,
        Username = user,
        Password = password,
        Database = database,
        // Every connection is routed anew through the forward: the drills want to see where each one lands.
        Pooling = false,
        Timeout = 5,
        SslMode = SslMode.Prefer,
    }.ConnectionString;
}
