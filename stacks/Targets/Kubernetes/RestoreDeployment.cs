using PgPlatform.Components.Declaration;

namespace PgPlatform.Stacks.Targets.Kubernetes;

/// <summary>
/// A restore deployed into a clean namespace by whoever can deploy (an ephemeral stack): the restored database as
/// its deployment declares it, and the owner that removes the deployment again when disposed.
/// </summary>
/// <param name="Database">The restored database as declared: namespace, Cluster, owner Secret and ServiceAccount.</param>
/// <param name="Owner">Removes the deployment (destroys the stack) when disposed.</param>
public sealed record RestoreDeployment(DeclaredDatabase Database, IAsyncDisposable Owner)
{
    /// <summary>The namespace of the restored Cluster.</summary>
    public string Namespace => Database.Namespace;
}
