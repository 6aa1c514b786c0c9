using PgPlatform.Components.Settings;
using PgPlatform.Stacks.Drills;
using PgPlatform.Stacks.Targets;
using PgPlatform.Stacks.Targets.Kubernetes;

namespace PgPlatform.Stacks.Ephemeral;

/// <summary>
/// Restores of a drilled database, each into a stack of its own: the base stack's settings, tier ephemeral,
/// the same application with <c>recoverFrom</c> pointing at the drilled stack (and the requested backup and
/// point in time), so its Cluster bootstraps by recovery from the drilled Cluster's object store into a
/// clean namespace, while archiving into its own container. The restored database is found by the restore
/// stack's declaration; disposing the deployment destroys the stack.
/// </summary>
/// <param name="run">The drill run (its catalog, stack naming and stack options).</param>
/// <param name="baseStack">The settings of the stack being drilled.</param>
/// <param name="projectDirectory">The Pulumi project directory.</param>
/// <param name="application">The application.</param>
/// <param name="sourceStack">The drilled ephemeral stack, whose archive is restored.</param>
/// <param name="log">Where the restore stacks' progress goes.</param>
public sealed class EphemeralRestores(EphemeralDrillRun run, StackSettings baseStack, string projectDirectory, string application, string sourceStack, DrillLog log)
{
    /// <summary>The stack name prefix of restores.</summary>
    public const string StackPrefix = "restore";

    /// <summary>Declares and deploys the restore stack of <paramref name="request"/>; a failure destroys it before propagating.</summary>
    public async Task<RestoreDeployment> DeployAsync(RestoreRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var recovery = new RecoverySelection { Stack = sourceStack, BackupId = request.BackupId, TargetTime = request.TargetTime };
        var (stack, deployed) = await run.DeployAsync(baseStack, projectDirectory, application, StackPrefix, recovery, log, cancellationToken);
        return new RestoreDeployment(deployed.Database, stack);
    }
}
