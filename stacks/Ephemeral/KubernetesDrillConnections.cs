using Azure.Identity;
using Azure.Storage.Blobs;
using k8s;
using PgPlatform.Stacks.Targets.Kubernetes;

namespace PgPlatform.Stacks.Ephemeral;

/// <summary>
/// How the Kubernetes drill target reaches what a deployed database lives in: the cluster (by kubeconfig context),
/// its pods (port forwards), Key Vault and the backup container. <see cref="Real"/> connects for real; tests put
/// fakes behind the same derivation of names.
/// </summary>
public sealed record KubernetesDrillConnections
{
    /// <summary>A client for a kubeconfig context.</summary>
    public required Func<string, IKubernetes> Kubernetes { get; init; }

    /// <summary>Port forwards through a client. Default <see cref="PodPortForwarder"/>.</summary>
    public Func<IKubernetes, IPortForwarder> PortForwarder { get; init; } = kubernetes => new PodPortForwarder(kubernetes);

    /// <summary>The secret store of a Key Vault name. Default <see cref="KeyVaultSecretStore.ForVault(string)"/>.</summary>
    public Func<string, ISecretStore> SecretStore { get; init; } = vault => KeyVaultSecretStore.ForVault(vault);

    /// <summary>A client for a blob container URI. Default: signed in with <see cref="DefaultAzureCredential"/> (workload identity, Azure CLI, ...).</summary>
    public Func<Uri, BlobContainerClient> Container { get; init; } = uri => new BlobContainerClient(uri, new DefaultAzureCredential());

    /// <summary>Adjusts the target's options once the names are in (waits, probes). Default: as they are.</summary>
    public Func<KubernetesTargetOptions, KubernetesTargetOptions> ConfigureTarget { get; init; } = options => options;

    /// <summary>Real connections, to clusters of <paramref name="kubeconfig"/> (null: <c>$KUBECONFIG</c>, else <c>~/.kube/config</c>).</summary>
    public static KubernetesDrillConnections Real(string? kubeconfig) => new() { Kubernetes = context => KubernetesConnection.Create(kubeconfig, context) };
}
