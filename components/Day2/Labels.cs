using PgPlatform.Components.Vocabulary;

namespace PgPlatform.Components.Day2;

/// <summary>Builds the ownership and cost labels (<see cref="PlatformLabels"/>) every object of an application carries.</summary>
public static class Labels
{
    /// <summary>The label set for one application's objects.</summary>
    public static SortedDictionary<string, string> For(string app, string component, string team, PlatformEnvironment environment) => new(StringComparer.Ordinal)
    {
        [PlatformLabels.Name] = app,
        [PlatformLabels.Component] = component,
        [PlatformLabels.ManagedBy] = PlatformLabels.ManagedByValue,
        [PlatformLabels.Team] = team,
        [PlatformLabels.Tier] = environment.Tier.Name,
        [PlatformLabels.Environment] = environment.Name,
        [PlatformLabels.CostClass] = environment.Tier.CostClass,
    };

    /// <summary>
    /// The labels CNPG passes on to the objects it creates for a Cluster (pods, PVCs, services): pg-platform's own
    /// keys (<see cref="PlatformLabels.OwnPrefix"/>) only, never the <c>app.kubernetes.io/*</c> keys CNPG sets itself.
    /// </summary>
    public static SortedDictionary<string, string> Inherited(IReadOnlyDictionary<string, string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        return new(labels.Where(l => l.Key.StartsWith(PlatformLabels.OwnPrefix, StringComparison.Ordinal)).ToDictionary(l => l.Key, l => l.Value), StringComparer.Ordinal);
    }
}
