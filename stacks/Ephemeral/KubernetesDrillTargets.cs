using PgPlatform.Stacks.Drills;
using PgPlatform.Stacks.Targets;
using PgPlatform.Stacks.Targets.Kubernetes;

namespace PgPlatform.Stacks.Ephemeral;

/// <summary>Starts the Kubernetes target of an application deployed by an ephemeral stack, from the base stack's settings and the stack's outputs.</summary>
public static class KubernetesDrillTargets
{
    /// <summary>The drills the Kubernetes target supports: it kills pods and rotates through Key Vault, but has no restore yet.</summary>
    public static IReadOnlyList<DrillKind> Supported { get; } = [DrillKind.Failover, DrillKind.Rotation];

    /// <summary>
    /// Connects with <paramref name="kubeconfig"/> and the base stack's <c>pg-platform:kubeContext</c>, and starts
    /// the target for the application in the namespace the stack reports (<c>&lt;app&gt;-namespace</c> output),
    /// rotating through the base stack's Key Vault.
    /// </summary>
    public static async Task<IDrillTarget> StartAsync(DeployedDatabase deployed, string? kubeconfig, Action<string> progress, CancellationToken cancellationToken)
    {
        var (baseStack, application, stackName, outputs) = deployed;
        var kubeContext = Setting(baseStack, "pg-platform:kubeContext");
        var vault = Setting(baseStack, "pg-platform:keyVaultName");
        var kubernetes = KubernetesConnection.Create(kubeconfig, kubeContext);
        var options = new KubernetesTargetOptions
        {
            Namespace = outputs.String($"{application}-namespace"),
            ClusterName = $"{application}-db",
            VaultSecretName = $"{application}-{stackName}-db-owner-password",
        };
        return await KubernetesTarget.StartAsync(kubernetes, options, new PodPortForwarder(kubernetes), vault is null ? null : KeyVaultSecretStore.ForVault(vault), progress, cancellationToken);
    }

    private static string? Setting(StackFile stack, string key) => stack.Settings.FirstOrDefault(s => s.Key == key)?.Value;
}
