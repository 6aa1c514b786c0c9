namespace PgPlatform.Components.Model;

/// <summary>The deployable unit a Kubernetes object belongs to; each maps to one GitOps folder and one Pulumi ConfigGroup.</summary>
public enum ObjectGroup
{
    /// <summary>Cluster-wide platform objects (admission policies): Pulumi-managed day-0, not in the GitOps tree.</summary>
    Platform,

    /// <summary>The namespace an application and its database live in.</summary>
    Namespace,

    /// <summary>The database contract: <c>databases/&lt;app&gt;</c>.</summary>
    Database,

    /// <summary>The application workload: <c>apps/&lt;app&gt;</c>.</summary>
    Application,
}
