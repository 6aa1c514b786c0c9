using k8s;

namespace PgPlatform.Stacks.Targets.Kubernetes;

/// <summary>Builds KubernetesClient clients from a kubeconfig file and context, as <c>kubectl --kubeconfig --context</c> would.</summary>
public static class KubernetesConnection
{
    /// <summary>
    /// A client for <paramref name="context"/> (null: the kubeconfig's current context) of
    /// <paramref name="kubeconfig"/> (null: <c>$KUBECONFIG</c>, else <c>~/.kube/config</c>). Throws
    /// <see cref="TargetUnavailableException"/> when the file or context does not exist.
    /// </summary>
    public static IKubernetes Create(string? kubeconfig, string? context)
    {
        try
        {
            var config = KubernetesClientConfiguration.BuildConfigFromConfigFile(kubeconfig, context);
            return new k8s.Kubernetes(config);
        }
        catch (Exception e) when (e is k8s.Exceptions.KubeConfigException or FileNotFoundException or DirectoryNotFoundException)
        {
            var where = kubeconfig ?? Environment.GetEnvironmentVariable("KUBECONFIG") ?? "~/.kube/config";
            throw new TargetUnavailableException($"cannot use kubeconfig {where}{(context is null ? "" : $" context {context}")}: {e.Message}", e);
        }
    }
}
