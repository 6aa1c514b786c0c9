namespace PgPlatform.Components.Contract;

/// <summary>API groups and workload kinds the rules look at.</summary>
public static class Kinds
{
    /// <summary>CNPG.</summary>
    public const string CnpgGroup = "postgresql.cnpg.io";

    /// <summary>Barman Cloud plugin.</summary>
    public const string BarmanGroup = "barmancloud.cnpg.io";

    /// <summary>External Secrets.</summary>
    public const string ExternalSecretsGroup = "external-secrets.io";

    /// <summary>prometheus-operator.</summary>
    public const string MonitoringGroup = "monitoring.coreos.com";

    /// <summary>Kinds with a pod template at <c>spec.template.spec</c>.</summary>
    public static readonly IReadOnlySet<string> Workloads = new HashSet<string> { "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet" };

    /// <summary>The pod spec of a workload (<c>spec.template.spec</c>) or a Pod (<c>spec</c>), with its path.</summary>
    public static (string Path, System.Text.Json.JsonElement? Spec)? PodSpec(Manifest m) =>
        Workloads.Contains(m.Kind) && m.Group == "apps" || Workloads.Contains(m.Kind) && m.ApiVersion.Length == 0 ? ("spec.template.spec", JsonPath.Get(m.Element, "spec.template.spec"))
        : m.Kind == "Pod" ? ("spec", JsonPath.Get(m.Element, "spec"))
        : null;
}
