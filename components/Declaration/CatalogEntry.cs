using PgPlatform.Components.Day2;

namespace PgPlatform.Components.Declaration;

/// <summary>An application the organisation runs: who owns it and how its workload reaches its database.</summary>
public sealed record CatalogEntry(string Name, string Team, AppWorkloadArgs Workload)
{
    /// <summary>The application's schema migrations and smoke reads. Default: none (the restore drill checks the platform's data only).</summary>
    public ApplicationSchema? Schema { get; init; }
}
