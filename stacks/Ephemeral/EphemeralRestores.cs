using PgPlatform.Stacks.Drills;
using PgPlatform.Stacks.Targets;
using PgPlatform.Stacks.Targets.Kubernetes;

namespace PgPlatform.Stacks.Ephemeral;

/// <summary>
/// Restores of a drilled database, each into a stack of its own: the base stack's settings, tier ephemeral,
/// the same application with <c>recoverFrom</c> pointing at the drilled stack (and the requested backup and
/// point in time), so its Cluster bootstraps by recovery from the drilled Cluster's object store into a
/// clean namespace, while archiving into its own container. Disposing the deployment destroys the stack.
/// </summary>
public sealed class EphemeralRestores(StackFile baseStack, string projectDirectory, string application, string sourceStack, Func<EphemeralStackOptions, EphemeralStackOptions> configure, DrillLog log)
{
    /// <summary>The stack name prefix of restores.</summary>
    public const string StackPrefix = "restore";

    /// <summary>Creates and deploys the restore stack of <paramref name="request"/>; a failure destroys it before propagating.</summary>
    public async Task<RestoreDeployment> DeployAsync(RestoreRequest request, CancellationToken cancellationToken)
    {
        var name = EphemeralDatabaseStack.NewStackName(StackPrefix);
        var recovery = new RecoverySource(sourceStack, request.BackupId, request.TargetTime);
        var options = configure(EphemeralDatabaseStack.Options(baseStack, projectDirectory, application, name, line => log.Write($"stack {name}", line), recovery));
        var (stack, outputs) = await EphemeralStack.DeployAsync(options, cancellationToken);
        try
        {
            return new RestoreDeployment(outputs.String($"{application}-namespace"), stack);
        }
        catch
        {
            await stack.DisposeAsync();
            throw;
        }
    }
}
