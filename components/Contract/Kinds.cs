namespace PgPlatform.Components.Contract;

/// <summary>Workload kinds the rules look at.</summary>
public static class Kinds
{
    /// <summary>Kinds with a pod template at <c>spec.template.spec</c>.</summary>
    public static readonly IReadOnlySet<string> Workloads = new HashSet<string> { "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet" };

    /// <summary>The pod spec of a workload (<c>spec.template.spec</c>) or a Pod (<c>spec</c>), with its path.</summary>
    public static (string Path, System.Text.Json.JsonElement? Spec)? PodSpec(Manifest m) =>
        Workloads.Contains(m.Kind) && m.Group == "apps" || Workloads.Contains(m.Kind) && m.ApiVersion.Length == 0 ? ("spec.template.spec", JsonPath.Get(m.Element, "spec.template.spec"))
        : m.Kind == "Pod" ? ("spec", JsonPath.Get(m.Element, "spec"))
        : null;
}
