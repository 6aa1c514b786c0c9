using Azure.Identity;
using Azure.Storage.Blobs;
using PgPlatform.Stacks.Drills;
using PgPlatform.Stacks.Targets;
using PgPlatform.Stacks.Targets.Kubernetes;
using PgPlatform.Stacks.Targets.ObjectStore;

namespace PgPlatform.Stacks.Ephemeral;

/// <summary>Starts the Kubernetes target of an application deployed by an ephemeral stack, from the base stack's settings and the stack's outputs.</summary>
public static class KubernetesDrillTargets
{
    /// <summary>The drills the Kubernetes target runs: every one.</summary>
    public static IReadOnlyList<DrillKind> Supported { get; } = DrillNames.AllDrills;

    /// <summary>
    /// The faults the Kubernetes target injects: a WAL gap (an archived segment deleted from the blob container).
    /// The object store is a shared Azure account the driver must not take down, and backups run with the
    /// cluster's workload identity, so wrong credentials and a stopped store are local-target faults only.
    /// </summary>
    public static IReadOnlyList<Fault> SupportedFaults { get; } = [Fault.WalGap];

    /// <summary>
    /// Connects with <paramref name="kubeconfig"/> and the base stack's <c>pg-platform:kubeContext</c>, and starts
    /// the target for the application in the namespace the stack reports (<c>&lt;app&gt;-namespace</c> output),
    /// rotating through the base stack's Key Vault, reading the archive in the stack's container of the base
    /// stack's backup storage account (Azure credentials from the environment: workload identity, Azure CLI, ...),
    /// and restoring into stacks of their own.
    /// </summary>
    public static async Task<IDrillTarget> StartAsync(DeployedDatabase deployed, string? kubeconfig, Action<string> progress, CancellationToken cancellationToken)
    {
        var (baseStack, application, stackName, outputs, restores) = deployed;
        var kubeContext = Setting(baseStack, "pg-platform:kubeContext");
        var vault = Setting(baseStack, "pg-platform:keyVaultName");
        var account = Setting(baseStack, "pg-platform:backupStorageAccount");
        var kubernetes = KubernetesConnection.Create(kubeconfig, kubeContext);
        var clusterName = $"{application}-db";
        var options = new KubernetesTargetOptions
        {
            Namespace = outputs.String($"{application}-namespace"),
            ClusterName = clusterName,
            VaultSecretName = $"{application}-{stackName}-db-owner-password",
            ObjectStore = account is null ? null : new BarmanObjectStore(new BlobContainerClient(ContainerUri(account, application, stackName), new DefaultAzureCredential()), clusterName),
            DeployRestore = restores is null ? null : restores.DeployAsync,
        };
        return await KubernetesTarget.StartAsync(kubernetes, options, new PodPortForwarder(kubernetes), vault is null ? null : KeyVaultSecretStore.ForVault(vault), progress, cancellationToken);
    }

    /// <summary>The blob container the Barman Cloud plugin archives <paramref name="application"/> of <paramref name="stackName"/> into.</summary>
    public static Uri ContainerUri(string account, string application, string stackName) => new($"https://{account}.blob.core.windows.net/{application}-{stackName}");

    private static string? Setting(StackFile stack, string key) => stack.Settings.FirstOrDefault(s => s.Key == key)?.Value;
}
