namespace PgPlatform.Components.Day2;

/// <summary>The ownership and cost labels every object carries.</summary>
public static class Labels
{
    /// <summary>Application name.</summary>
    public const string Name = "app.kubernetes.io/name";

    /// <summary><c>database</c> or <c>application</c>.</summary>
    public const string Component = "app.kubernetes.io/component";

    /// <summary>Always <c>pg-platform</c>.</summary>
    public const string ManagedBy = "app.kubernetes.io/managed-by";

    /// <summary>Owning team.</summary>
    public const string Team = "pg-platform.io/team";

    /// <summary>Tier name.</summary>
    public const string Tier = "pg-platform.io/tier";

    /// <summary>Environment (stack) name.</summary>
    public const string Environment = "pg-platform.io/environment";

    /// <summary>Cost class of the tier, for cost reports.</summary>
    public const string CostClass = "pg-platform.io/cost-class";

    /// <summary>The label set for one application's objects.</summary>
    public static SortedDictionary<string, string> For(string app, string component, string team, PlatformEnvironment environment) => new(StringComparer.Ordinal)
    {
        [Name] = app,
        [Component] = component,
        [ManagedBy] = "pg-platform",
        [Team] = team,
        [Tier] = environment.Tier.Name,
        [Environment] = environment.Name,
        [CostClass] = environment.Tier.CostClass,
    };
}
