using System.Globalization;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using PgPlatform.Components.Vocabulary;
using PgPlatform.Stacks.Waits;

namespace PgPlatform.Stacks.Targets.Kubernetes;

/// <summary>Rotation: Key Vault, then External Secrets (forced to sync), then CNPG; each step observed before the next.</summary>
public sealed partial class KubernetesTarget
{
    /// <inheritdoc />
    public string ApplicationRole { get; private set; } = "";

    /// <inheritdoc />
    public string ApplicationPassword { get; private set; } = "";

    /// <inheritdoc />
    public string ConnectionStringWithPassword(string password) => KubernetesTargetOptions.ConnectionString(_readWritePort, ApplicationRole, password, _database);

    /// <summary>
    /// Writes <paramref name="newPassword"/> to Key Vault, annotates the owner's ExternalSecret with
    /// <see cref="ExternalSecretsApi.ForceSyncAnnotation"/> (ESO's documented <c>kubectl annotate es NAME force-sync=$(date +%s) --overwrite</c>), waits until the Secret holds the new password and until a login with
    /// it succeeds (CNPG applied it). Throws <see cref="TimeoutException"/> naming the step that never happened.
    /// </summary>
    public async Task RotatePasswordAsync(string newPassword, CancellationToken cancellationToken)
    {
        var store = _secrets ?? throw new NotSupportedException("the kubernetes target was started without a secret store; rotation needs Key Vault");
        var vaultSecret = _options.VaultSecretName ?? throw new NotSupportedException("the kubernetes target was started without the Key Vault secret name of the owner password");
        var externalSecret = _options.OwnerExternalSecretName ?? throw new NotSupportedException("the kubernetes target was started without the ExternalSecret of the owner's login");
        await store.SetAsync(vaultSecret, newPassword, cancellationToken);

        var stamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var patch = new JsonObject { ["metadata"] = new JsonObject { ["annotations"] = new JsonObject { [ExternalSecretsApi.ForceSyncAnnotation] = stamp } } };
        await _kubernetes.CustomObjects.PatchNamespacedCustomObjectAsync(new V1Patch(patch.ToJsonString(), V1Patch.PatchType.MergePatch),
            ExternalSecretsApi.Group, ExternalSecretsApi.Version, _options.Namespace, ExternalSecretsApi.ExternalSecrets, externalSecret, cancellationToken: cancellationToken);

        await Waiting.UntilAsync($"External Secrets to write the new password into Secret {_options.Namespace}/{_options.OwnerSecretName}", _options.RotationTimeout,
            async ct => (await ReadSecretAsync(_options.OwnerSecretName, ct))?.GetValueOrDefault("password") == newPassword, cancellationToken, _options.PollInterval);
        await Waiting.UntilAsync("CNPG to apply the new password (a login with it succeeds)", _options.RotationTimeout,
            ct => _options.LoginProbe(ConnectionStringWithPassword(newPassword), ct), cancellationToken, _options.PollInterval);

        if (_superuser == ApplicationRole)
        {
            _superuserPassword = newPassword;
        }

        ApplicationPassword = newPassword;
    }
}
