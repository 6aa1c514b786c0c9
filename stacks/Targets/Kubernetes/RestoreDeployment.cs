namespace PgPlatform.Stacks.Targets.Kubernetes;

/// <summary>
/// A restore deployed into a clean namespace by whoever can deploy (an ephemeral stack): the namespace its
/// Cluster lands in, and the owner that removes it again when disposed.
/// </summary>
/// <param name="Namespace">The namespace of the restored Cluster (same Cluster name as the source).</param>
/// <param name="Owner">Removes the deployment (destroys the stack) when disposed.</param>
public sealed record RestoreDeployment(string Namespace, IAsyncDisposable Owner);
