using PgPlatform.Stacks.Waits;
using PgPlatform.Stacks.Targets.ObjectStore;

namespace PgPlatform.Stacks.Targets.Kubernetes;

/// <summary>
/// Backups, the WAL archive and restores on Kubernetes: base backups are CNPG <c>Backup</c> objects (method
/// <c>plugin</c>); the archive is read where the Barman Cloud plugin writes it (the application's blob
/// container); the archiver's state is PostgreSQL's own; a restore is a new deployment (a restore stack) whose
/// Cluster bootstraps by recovery from this Cluster's object store into a clean namespace.
/// </summary>
public sealed partial class KubernetesTarget : IBackupTarget
{
    private IPortForwarder? _forwarder;
    private Action<string> _progress = _ => { };

    /// <summary>Always false: the drills' object-store tooling on Kubernetes is the operator's, whose credentials the driver does not hold.</summary>
    public bool UseWrongObjectStoreCredentials
    {
        get => false;
        set
        {
            if (value)
            {
                throw new NotSupportedException("the kubernetes target cannot use wrong object-store credentials: backups and restores run in the cluster with its workload identity");
            }
        }
    }

    /// <inheritdoc />
    public Task<BackupInfo> BackupAsync(CancellationToken cancellationToken) => TakeBackupAsync(cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<BackupInfo>> ListBackupsAsync(CancellationToken cancellationToken) => Archive.ListBackupsAsync(cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> ArchivedWalAsync(CancellationToken cancellationToken) => Archive.ListWalAsync(cancellationToken);

    /// <inheritdoc />
    public Task RemoveArchivedWalAsync(string walFile, CancellationToken cancellationToken) => Archive.RemoveWalAsync(walFile, cancellationToken);

    /// <inheritdoc />
    public Task<string> SwitchWalAsync(CancellationToken cancellationToken) =>
        WalArchiver.SwitchWalAsync(SuperuserReadWriteConnectionString, _options.ArchiveTimeout, cancellationToken);

    /// <inheritdoc />
    public Task<ArchiverStatus> ArchiverStatusAsync(CancellationToken cancellationToken) =>
        WalArchiver.StatusAsync(SuperuserReadWriteConnectionString, cancellationToken);

    /// <inheritdoc />
    public Task SetObjectStoreAvailableAsync(bool available, CancellationToken cancellationToken) => available
        ? Task.CompletedTask
        : throw new NotSupportedException("the kubernetes target cannot take the object store down: it is a shared Azure storage account");

    /// <summary>
    /// Deploys the restore (<see cref="KubernetesTargetOptions.DeployRestore"/>), waits (at most
    /// <see cref="KubernetesTargetOptions.RestoreTimeout"/>) for its Cluster to be Ready and for a read-write
    /// query to succeed through a forward to its <c>-rw</c> service. The restore's own archive is its own
    /// container: it never writes into this Cluster's. Any failure removes the deployment and throws
    /// <see cref="RestoreFailedException"/> with the reason.
    /// </summary>
    public async Task<IRestoredCluster> RestoreAsync(RestoreRequest request, CancellationToken cancellationToken)
    {
        var deploy = _options.DeployRestore ?? throw new NotSupportedException("the kubernetes target was started without a way to deploy restores");
        if (request.BeforeRecovery is not null)
        {
            throw new NotSupportedException("the kubernetes target cannot run a hook between the base backup and recovery: CNPG's recovery job does both");
        }

        var startedAt = DateTimeOffset.UtcNow;
        RestoreDeployment deployment;
        try
        {
            deployment = await deploy(request, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException and not NotSupportedException)
        {
            throw new RestoreFailedException($"the restore could not be deployed: {e.Message}", e);
        }

        KubernetesTarget? restored = null;
        try
        {
            // The restored Cluster is found by its own stack's declaration; it is read, never rotated, archived from or restored again.
            var options = _options.WithNamesOf(deployment.Database) with { ReadyTimeout = _options.RestoreTimeout, VaultSecretName = null, OwnerExternalSecretName = null, DeployRestore = null, ObjectStore = null };
            restored = await StartAsync(_kubernetes, options, _forwarder!, null, line => _progress($"restore {deployment.Namespace}: {line}"), cancellationToken);
            var connection = restored.SuperuserReadWriteConnectionString;
            await Waiting.UntilAsync($"restored Cluster {options.Namespace}/{options.ClusterName} to accept writes", _options.RestoreTimeout,
                ct => _options.ReadWriteProbe(connection, ct), cancellationToken, _options.PollInterval);
            return new KubernetesRestoredCluster(restored, deployment, startedAt, DateTimeOffset.UtcNow);
        }
        catch (Exception e)
        {
            if (restored is not null)
            {
                await restored.DisposeAsync();
            }

            await deployment.Owner.DisposeAsync();
            if (e is TargetUnavailableException or TimeoutException)
            {
                throw new RestoreFailedException($"restore into {deployment.Namespace}: {e.Message}", e);
            }

            throw;
        }
    }

    private BarmanObjectStore Archive => _options.ObjectStore
        ?? throw new NotSupportedException("the kubernetes target was started without access to the object store (the backup storage account)");
}
