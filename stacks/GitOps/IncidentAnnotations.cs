namespace PgPlatform.Stacks.GitOps;

/// <summary>The annotations <c>gitops pause</c> puts on the CNPG Cluster so everyone looking at it sees why GitOps is paused.</summary>
public static class IncidentAnnotations
{
    /// <summary>The incident's reason, as given to <c>--reason</c>.</summary>
    public const string Incident = "pg-platform.io/incident";

    /// <summary>When GitOps was paused, UTC ISO 8601.</summary>
    public const string PausedAt = "pg-platform.io/paused-at";
}
