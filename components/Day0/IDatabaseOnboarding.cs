using PgPlatform.Components.Day2;
using PgPlatform.Components.Tiers;

namespace PgPlatform.Components.Day0;

/// <summary>
/// How a stack gives its databases what day-0 provides (container, workload identity, ServiceAccount): by
/// owning the cluster's <see cref="PlatformFoundation"/>, or against a base environment's existing one
/// (<see cref="BaseEnvironmentOnboarding"/>). Which one a stack uses is tier data (<see cref="TierProfile.DeploysFoundation"/>).
/// </summary>
public interface IDatabaseOnboarding
{
    /// <summary>Logical names the database of <paramref name="app"/> (recovering from <paramref name="recovery"/>, if any) waits for.</summary>
    IReadOnlyList<string> DependenciesOf(string app, DatabaseRecovery? recovery);

    /// <summary>Onboards <paramref name="database"/> of application <paramref name="app"/>.</summary>
    void Onboard(string app, AppDatabase database);

    /// <summary>Adds what spans every onboarded database; call once, after the last <see cref="Onboard"/>.</summary>
    void Complete();
}
