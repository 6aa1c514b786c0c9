namespace PgPlatform.Components.Vocabulary;

/// <summary>The ownership and cost label keys every pg-platform object carries, and the values the platform sets.</summary>
public static class PlatformLabels
{
    /// <summary>Application name.</summary>
    public const string Name = "app.kubernetes.io/name";

    /// <summary><see cref="DatabaseComponent"/> or <see cref="ApplicationComponent"/>.</summary>
    public const string Component = "app.kubernetes.io/component";

    /// <summary>Always <see cref="ManagedByValue"/>.</summary>
    public const string ManagedBy = "app.kubernetes.io/managed-by";

    /// <summary>Owning team.</summary>
    public const string Team = "pg-platform.io/team";

    /// <summary>Tier name.</summary>
    public const string Tier = "pg-platform.io/tier";

    /// <summary>Environment (stack) name.</summary>
    public const string Environment = "pg-platform.io/environment";

    /// <summary>Cost class of the tier, for cost reports.</summary>
    public const string CostClass = "pg-platform.io/cost-class";

    /// <summary>Value of <see cref="ManagedBy"/>.</summary>
    public const string ManagedByValue = "pg-platform";

    /// <summary>Value of <see cref="Component"/> on a database's objects.</summary>
    public const string DatabaseComponent = "database";

    /// <summary>Value of <see cref="Component"/> on an application's workload objects.</summary>
    public const string ApplicationComponent = "application";

    /// <summary>Value of <see cref="Name"/> on the platform's own objects (admission policies, storage class, Argo CD objects).</summary>
    public const string PlatformApplication = "pg-platform";

    /// <summary>Value of <see cref="Team"/> on the platform's own objects.</summary>
    public const string PlatformTeam = "platform";

    /// <summary>
    /// Prefix of the label keys pg-platform owns outright. Only these are passed to the objects CNPG creates
    /// (<c>spec.inheritedMetadata</c>): CNPG sets <see cref="Name"/>, <see cref="ManagedBy"/> and
    /// <see cref="Component"/> on its children itself (cloudnative-pg <c>pkg/utils/labels_annotations.go</c>,
    /// <c>KubernetesAppLabelName</c> and siblings), and inheriting ours makes its PVC label reconciler patch them
    /// back on every loop (issue 11, item 7).
    /// </summary>
    public const string OwnPrefix = "pg-platform.io/";

    /// <summary>The label keys the contract requires on every object (PGP010).</summary>
    public static IReadOnlyList<string> Ownership { get; } = [Name, Team, Tier];
}
