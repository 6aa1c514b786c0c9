namespace PgPlatform.Components.Contract;

/// <summary>A resource a ValidatingAdmissionPolicy matches: API group, version and plural resource name.</summary>
public sealed record AdmissionResource(string Group, string Version, string Resource, string Kind)
{
    /// <summary>CNPG clusters.</summary>
    public static readonly AdmissionResource Cluster = new("postgresql.cnpg.io", "v1", "clusters", "Cluster");

    /// <summary>CNPG scheduled backups.</summary>
    public static readonly AdmissionResource ScheduledBackup = new("postgresql.cnpg.io", "v1", "scheduledbackups", "ScheduledBackup");

    /// <summary>Deployments.</summary>
    public static readonly AdmissionResource Deployment = new("apps", "v1", "deployments", "Deployment");

    /// <summary>StatefulSets.</summary>
    public static readonly AdmissionResource StatefulSet = new("apps", "v1", "statefulsets", "StatefulSet");

    /// <summary>Secrets.</summary>
    public static readonly AdmissionResource Secret = new("", "v1", "secrets", "Secret");

    /// <summary>Application workloads whose pod template the rules inspect.</summary>
    public static IReadOnlyList<AdmissionResource> Workloads { get; } = [Deployment, StatefulSet];
}
