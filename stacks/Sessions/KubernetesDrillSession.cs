using PgPlatform.Components.Declaration;
using PgPlatform.Components.Model;
using PgPlatform.Components.Settings;
using PgPlatform.Stacks.Drills;
using PgPlatform.Stacks.Ephemeral;
using PgPlatform.Stacks.Evidence;

namespace PgPlatform.Stacks.Sessions;

/// <summary>The work behind <c>drill --target kubernetes --stack S --app A</c>: an ephemeral stack, the drills, the stack destroyed whatever happens.</summary>
public static class KubernetesDrillSession
{
    /// <summary>Why the kubernetes target refuses the alerts drill.</summary>
    public const string AlertsNotApplicable = "the alerts drill is not applicable to the kubernetes target: it starts its own Prometheus and Alertmanager with the stack's rules and injects faults that would page through the cluster's real ones; run it with --target local";

    /// <summary>Why <paramref name="drills"/> with <paramref name="fault"/> cannot run on the Kubernetes target; null when they can.</summary>
    public static string? Refusal(IReadOnlyList<DrillKind> drills, Fault fault)
    {
        if (drills.Contains(DrillKind.Alerts))
        {
            return AlertsNotApplicable;
        }

        var unsupported = drills.Where(d => !KubernetesDrillTargets.Supported.Contains(d)).ToList();
        if (unsupported.Count > 0)
        {
            return $"the kubernetes target cannot run {string.Join(", ", unsupported.Select(DrillNames.Name))} yet; choose from {string.Join(", ", KubernetesDrillTargets.Supported.Select(DrillNames.Name))}";
        }

        return fault == Fault.None || KubernetesDrillTargets.SupportedFaults.Contains(fault)
            ? null
            : $"the kubernetes target cannot inject --fault {DrillNames.Name(fault)}; it injects {string.Join(", ", KubernetesDrillTargets.SupportedFaults.Select(DrillNames.Name))}";
    }

    /// <summary>
    /// How drills run for real: stacks declared against <paramref name="catalog"/>, <c>pulumi</c> found on
    /// <paramref name="searchPath"/>, the target reached with <paramref name="kubeconfig"/>.
    /// </summary>
    public static EphemeralDrillRun Run(IReadOnlyList<CatalogEntry> catalog, Fault fault, string? searchPath, string? kubeconfig, DrillLog log) => new()
    {
        Catalog = catalog,
        Fault = fault,
        ConfigureStack = options => options with { SearchPath = searchPath },
        StartTarget = (deployed, ct) => KubernetesDrillTargets.StartAsync(deployed, kubeconfig, line => log.Write("target", line), ct),
    };

    /// <summary>
    /// Runs <paramref name="drills"/> for <paramref name="application"/> on an ephemeral copy of <paramref name="stack"/>
    /// (in <paramref name="projectDirectory"/>), declared against <paramref name="run"/>'s catalog as the compiler declares
    /// it. The evidence records a stack that could not be destroyed (<see cref="RunEvidence.TeardownError"/>). Throws
    /// <see cref="SettingsException"/> for a stack file the compiler would refuse, <see cref="DeclarationException"/>
    /// when the stack declares no database for the application (naming those it declares), and the target's exceptions
    /// when it cannot be stood up.
    /// </summary>
    public static async Task<RunEvidence> RunAsync(IReadOnlyList<DrillKind> drills, string projectDirectory, string stack, string application, EphemeralDrillRun run, DrillLog log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var baseStack = DeclaredStack.Load(projectDirectory, stack, run.Catalog);
        return await run.RunAsync(baseStack, projectDirectory, application, "drill", drills, log, cancellationToken);
    }
}
