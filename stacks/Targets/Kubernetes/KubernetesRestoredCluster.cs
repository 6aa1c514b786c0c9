namespace PgPlatform.Stacks.Targets.Kubernetes;

/// <summary>
/// A Cluster restored into its own namespace, reached through a <see cref="KubernetesTarget"/> started on it.
/// Disposing closes the forwards and then removes the deployment (the restore stack is destroyed).
/// </summary>
internal sealed class KubernetesRestoredCluster(KubernetesTarget restored, RestoreDeployment deployment, DateTimeOffset startedAt, DateTimeOffset readWriteAt) : IRestoredCluster
{
    /// <inheritdoc />
    public string Location => deployment.Namespace;

    /// <inheritdoc />
    public string ConnectionString => restored.SuperuserReadWriteConnectionString;

    /// <inheritdoc />
    public DateTimeOffset StartedAt => startedAt;

    /// <inheritdoc />
    public DateTimeOffset ReadWriteAt => readWriteAt;

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        try
        {
            await restored.DisposeAsync();
        }
        finally
        {
            await deployment.Owner.DisposeAsync();
        }
    }
}
