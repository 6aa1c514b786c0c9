namespace PgPlatform.Components.Model;

/// <summary>The deployable unit a Kubernetes object belongs to; each maps to one GitOps folder and one Pulumi ConfigGroup.</summary>
public enum ObjectGroup
{
    /// <summary>Cluster-wide platform objects (admission policies): Pulumi-managed day-0, not in the GitOps tree.</summary>
    Platform,

    /// <summary>The namespace an application and its database live in; Pulumi creates it before the access objects in it.</summary>
    Namespace,

    /// <summary>
    /// Per-application access objects (delivery RBAC, the cluster's workload-identity ServiceAccount), which
    /// day-0 deploys with Pulumi because they carry deploy-time values and grant the delivery its rights.
    /// </summary>
    Access,

    /// <summary>The database contract: <c>databases/&lt;app&gt;</c>.</summary>
    Database,

    /// <summary>The application workload: <c>apps/&lt;app&gt;</c>.</summary>
    Application,
}
