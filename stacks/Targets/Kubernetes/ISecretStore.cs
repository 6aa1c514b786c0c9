namespace PgPlatform.Stacks.Targets.Kubernetes;

/// <summary>The secret store External Secrets reads (Key Vault), as far as rotation needs it.</summary>
public interface ISecretStore
{
    /// <summary>Writes a new version of <paramref name="name"/> holding <paramref name="value"/>.</summary>
    Task SetAsync(string name, string value, CancellationToken cancellationToken);
}
