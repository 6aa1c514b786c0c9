using k8s.Models;
using PgPlatform.Components.Vocabulary;

namespace PgPlatform.Components.Day2;

/// <summary>
/// Ingress to database pods: replication between instances, the application's pods, the CNPG operator
/// (status port) and Prometheus (metrics port). Everything else is denied.
/// </summary>
public static class DatabaseNetworkPolicy
{
    /// <summary>The policy for cluster <paramref name="cluster"/> of application <paramref name="app"/>.</summary>
    public static V1NetworkPolicy For(V1ObjectMeta metadata, string cluster, string app, PlatformEnvironment env)
    {
        static V1NetworkPolicyPort Port(int port) => new() { Protocol = "TCP", Port = port };
        static V1NetworkPolicyPeer Namespace(string ns) => new()
        {
            NamespaceSelector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["kubernetes.io/metadata.name"] = ns } },
        };
        static V1NetworkPolicyPeer Pods(Dictionary<string, string> labels) => new() { PodSelector = new V1LabelSelector { MatchLabels = labels } };

        return new V1NetworkPolicy
        {
            ApiVersion = "networking.k8s.io/v1",
            Kind = "NetworkPolicy",
            Metadata = metadata,
            Spec = new V1NetworkPolicySpec
            {
                PodSelector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { [CnpgApi.ClusterLabel] = cluster } },
                PolicyTypes = ["Ingress"],
                Ingress =
                [
                    new V1NetworkPolicyIngressRule { FromProperty = [Pods(new() { [CnpgApi.ClusterLabel] = cluster })], Ports = [Port(5432), Port(8000)] },
                    new V1NetworkPolicyIngressRule { FromProperty = [Pods(new() { [PlatformLabels.Name] = app, [PlatformLabels.Component] = PlatformLabels.ApplicationComponent })], Ports = [Port(5432)] },
                    new V1NetworkPolicyIngressRule { FromProperty = [Namespace(env.OperatorNamespace)], Ports = [Port(5432), Port(8000)] },
                    new V1NetworkPolicyIngressRule { FromProperty = [Namespace(env.MonitoringNamespace)], Ports = [Port(9187)] },
                ],
            },
        };
    }
}
