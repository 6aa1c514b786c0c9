using PgPlatform.Stacks.Drills;
using PgPlatform.Stacks.Targets;
using PgPlatform.Stacks.Targets.Kubernetes;
using PgPlatform.Stacks.Targets.ObjectStore;

namespace PgPlatform.Stacks.Ephemeral;

/// <summary>
/// Starts the Kubernetes target of an application deployed by an ephemeral stack. Every name the target acts on
/// comes from the stack's declaration: the kube context and Key Vault from its typed settings; namespace, Cluster,
/// owner Secret and ExternalSecret, vault secret, ServiceAccount and backup container from its declared database.
/// </summary>
public static class KubernetesDrillTargets
{
    /// <summary>
    /// The drills the Kubernetes target runs: every one but the alerts drill, which needs a Prometheus and Alertmanager
    /// the driver starts and owns (on Kubernetes they are the cluster's, and faults there would page real people).
    /// </summary>
    public static IReadOnlyList<DrillKind> Supported { get; } = DrillNames.DefaultDrills;

    /// <summary>
    /// The faults the Kubernetes target injects: a WAL gap (an archived segment deleted from the blob container).
    /// The object store is a shared Azure account the driver must not take down, and backups run with the
    /// cluster's workload identity, so wrong credentials and a stopped store are local-target faults only.
    /// </summary>
    public static IReadOnlyList<Fault> SupportedFaults { get; } = [Fault.WalGap];

    /// <summary>Starts the target with <paramref name="kubeconfig"/> and real Azure connections (credentials from the environment).</summary>
    public static Task<IDrillTarget> StartAsync(DeployedDatabase deployed, string? kubeconfig, Action<string> progress, CancellationToken cancellationToken) =>
        StartAsync(deployed, KubernetesDrillConnections.Real(kubeconfig), progress, cancellationToken);

    /// <summary>
    /// Connects to the stack's kube context and starts the target on the declared database: rotating through the
    /// stack's Key Vault, reading the archive in the declared backup container, and restoring into stacks of their own.
    /// </summary>
    public static async Task<IDrillTarget> StartAsync(DeployedDatabase deployed, KubernetesDrillConnections connections, Action<string> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deployed);
        ArgumentNullException.ThrowIfNull(connections);
        var settings = deployed.Stack.Settings;
        var database = deployed.Database;
        var kubernetes = connections.Kubernetes(settings.KubeContext);
        var options = connections.ConfigureTarget(KubernetesTargetOptions.For(database) with
        {
            ObjectStore = new BarmanObjectStore(connections.Container(database.BackupContainerUri), database.ArchiveServerName),
            DeployRestore = deployed.Restores is { } restores ? restores.DeployAsync : null,
        });
        return await KubernetesTarget.StartAsync(kubernetes, options, connections.PortForwarder(kubernetes), connections.SecretStore(settings.KeyVaultName), progress, cancellationToken);
    }
}
