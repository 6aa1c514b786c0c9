using System.Globalization;
using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;
using k8s.Models;
using PgPlatform.Components.Vocabulary;
using PgPlatform.Stacks.Postgres;
using PgPlatform.Stacks.Waits;

namespace PgPlatform.Stacks.Targets.Kubernetes;

/// <summary>
/// Login rotation on CNPG: passwords go to Key Vault and reach the login Secrets through External Secrets (forced to
/// sync), CNPG applies them and <c>login</c> from <c>spec.managed.roles</c> (patched by JSON Patch, guarded by a
/// <c>test</c> of the role's name), the application's Secret follows the active slot in Key Vault, and its Deployment
/// is restarted. Each step is observed before the next; the rotation state is an annotation on the application's ExternalSecret.
/// </summary>
public sealed partial class KubernetesTarget : ICredentialTarget
{
    /// <summary>The owner's role (the bootstrap login the platform uses; the application never does).</summary>
    public string ApplicationRole { get; private set; } = "";

    /// <summary>The owner's password.</summary>
    public string ApplicationPassword { get; private set; } = "";

    private KubernetesLogins Logins => _options.Logins ?? throw new NotSupportedException($"the kubernetes target for {_options.Namespace}/{_options.ClusterName} was started without its login roles (KubernetesTargetOptions.Logins)");

    /// <inheritdoc />
    public string Owner => Logins.Owner;

    /// <inheritdoc />
    public string LoginRole(string slot) => Logins.Declared.Slot(slot).Role;

    /// <inheritdoc />
    public string ConnectionStringAs(string role, string password) => KubernetesTargetOptions.ConnectionString(_readWritePort, role, password, _database);

    /// <inheritdoc />
    public async Task<ActiveLogin> ReadActiveLoginAsync(CancellationToken cancellationToken)
    {
        var name = Logins.Declared.ActiveSecret;
        var secret = await ReadSecretAsync(name, cancellationToken) ?? throw new InvalidOperationException($"Secret {_options.Namespace}/{name} not found (External Secrets has not written the application's login)");
        var role = secret.GetValueOrDefault("username") ?? throw new InvalidOperationException($"Secret {_options.Namespace}/{name} has no username");
        var slot = Logins.Declared.SlotOf(role) ?? throw new InvalidOperationException($"Secret {_options.Namespace}/{name} names {role}, which is no login role of {Owner}");
        return new ActiveLogin(slot, role, secret.GetValueOrDefault("password") ?? throw new InvalidOperationException($"Secret {_options.Namespace}/{name} has no password"));
    }

    /// <inheritdoc />
    public async Task<string> ReadLoginPasswordAsync(string slot, CancellationToken cancellationToken)
    {
        var name = Logins.Declared.Slot(slot).Secret;
        return (await ReadSecretAsync(name, cancellationToken))?.GetValueOrDefault("password") ?? throw new InvalidOperationException($"Secret {_options.Namespace}/{name} has no password");
    }

    /// <inheritdoc />
    public async Task<string> WriteLoginPasswordAsync(string slot, string password, CancellationToken cancellationToken)
    {
        var store = _secrets ?? throw new NotSupportedException("the kubernetes target was started without a secret store; rotation needs Key Vault");
        var (vaultSecret, secret, external) = (Logins.Declared.Slot(slot).VaultSecret, Logins.Declared.Slot(slot).Secret, Logins.Declared.Slot(slot).ExternalSecret);
        await store.SetAsync(vaultSecret, password, cancellationToken);
        await ForceSyncAsync(external, cancellationToken);
        await Waiting.UntilAsync($"External Secrets to write the new password into Secret {_options.Namespace}/{secret}", _options.RotationTimeout,
            async ct => (await ReadSecretAsync(secret, ct))?.GetValueOrDefault("password") == password, cancellationToken, _options.PollInterval);
        await PatchLoginAsync(slot, login: true, cancellationToken);
        return $"Key Vault secret {vaultSecret} written, ExternalSecret {external} synced, Cluster {_options.ClusterName} role {LoginRole(slot)} login: true";
    }

    /// <inheritdoc />
    public async Task<string> WaitLoginAppliedAsync(string slot, string password, CancellationToken cancellationToken)
    {
        await Waiting.UntilAsync($"CNPG to apply the new password of {LoginRole(slot)} (a login with it succeeds)", _options.RotationTimeout,
            ct => _options.LoginProbe(ConnectionStringAs(LoginRole(slot), password), ct), cancellationToken, _options.PollInterval);
        return $"a login as {LoginRole(slot)} with the new password succeeds";
    }

    /// <inheritdoc />
    public async Task<string> SwitchActiveLoginAsync(string slot, CancellationToken cancellationToken)
    {
        var store = _secrets ?? throw new NotSupportedException("the kubernetes target was started without a secret store; rotation needs Key Vault");
        var (vaultSecret, secret, role) = (Logins.Declared.ActiveVaultSecret, Logins.Declared.ActiveSecret, LoginRole(slot));
        await store.SetAsync(vaultSecret, slot, cancellationToken);
        await ForceSyncAsync(Logins.Declared.ActiveExternalSecret, cancellationToken);
        await Waiting.UntilAsync($"External Secrets to write {role} into Secret {_options.Namespace}/{secret}", _options.RotationTimeout,
            async ct => (await ReadSecretAsync(secret, ct))?.GetValueOrDefault("username") == role, cancellationToken, _options.PollInterval);
        return $"Key Vault secret {vaultSecret} = {slot}, Secret {secret} holds {role}";
    }

    /// <inheritdoc />
    public async Task<string> ReloadClientsAsync(CancellationToken cancellationToken)
    {
        if (Logins.Deployment is not { } name)
        {
            return "no application Deployment declared: nothing to restart";
        }

        var stamp = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        var patch = new JsonObject { ["spec"] = new JsonObject { ["template"] = new JsonObject { ["metadata"] = new JsonObject { ["annotations"] = new JsonObject { [KubernetesLogins.RestartedAtAnnotation] = stamp } } } } };
        try
        {
            await _kubernetes.AppsV1.PatchNamespacedDeploymentAsync(new V1Patch(patch.ToJsonString(), V1Patch.PatchType.MergePatch), name, _options.Namespace, cancellationToken: cancellationToken);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return $"no Deployment {_options.Namespace}/{name}: nothing to restart";
        }

        await Waiting.UntilAsync($"Deployment {_options.Namespace}/{name} to finish its rolling restart", _options.RotationTimeout, async ct =>
        {
            var deployment = await _kubernetes.AppsV1.ReadNamespacedDeploymentAsync(name, _options.Namespace, cancellationToken: ct);
            var (wanted, status) = (deployment.Spec.Replicas ?? 1, deployment.Status);
            // kubectl rollout status: the new generation observed, every replica updated and available, no old one left.
            return status is not null && status.ObservedGeneration >= deployment.Metadata.Generation
                && status.UpdatedReplicas == wanted && status.AvailableReplicas == wanted && (status.Replicas ?? 0) == wanted;
        }, cancellationToken, _options.PollInterval);
        return $"Deployment {_options.Namespace}/{name} restarted ({KubernetesLogins.RestartedAtAnnotation}={stamp}) and rolled out";
    }

    /// <inheritdoc />
    public async Task<string> DisableLoginAsync(string slot, CancellationToken cancellationToken)
    {
        await PatchLoginAsync(slot, login: false, cancellationToken);
        var password = await ReadLoginPasswordAsync(slot, cancellationToken);
        await Waiting.UntilAsync($"CNPG to apply login: false to {LoginRole(slot)} (a login is refused)", _options.RotationTimeout,
            async ct => !await _options.LoginProbe(ConnectionStringAs(LoginRole(slot), password), ct), cancellationToken, _options.PollInterval);
        return $"Cluster {_options.ClusterName} role {LoginRole(slot)} login: false, applied";
    }

    /// <inheritdoc />
    public async Task<int> CountSessionsAsync(string role, CancellationToken cancellationToken) =>
        (int)await Sql.ScalarAsync<long>(SuperuserReadWriteConnectionString, $"SELECT count(*) FROM pg_stat_activity WHERE usename = '{role}'", cancellationToken);

    /// <inheritdoc />
    public async Task<int> TerminateSessionsAsync(string role, CancellationToken cancellationToken) =>
        (int)await Sql.ScalarAsync<long>(SuperuserReadWriteConnectionString, $"SELECT count(*) FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '{role}') ended", cancellationToken);

    /// <inheritdoc />
    public async Task<RotationState?> ReadRotationAsync(CancellationToken cancellationToken)
    {
        var name = Logins.Declared.ActiveExternalSecret;
        var external = await _watch.ReadAsync(new CustomObjectReference(ExternalSecretsApi.Group, ExternalSecretsApi.Version, _options.Namespace, ExternalSecretsApi.ExternalSecrets, name), cancellationToken)
            ?? throw new InvalidOperationException($"ExternalSecret {_options.Namespace}/{name} not found");
        return external["metadata"]?["annotations"]?[KubernetesLogins.RotationAnnotation]?.GetValue<string>() is { } json
            ? RotationState.Parse(json, $"ExternalSecret {_options.Namespace}/{name} annotation {KubernetesLogins.RotationAnnotation}")
            : null;
    }

    /// <inheritdoc />
    public async Task<string> WriteRotationAsync(RotationState? state, CancellationToken cancellationToken)
    {
        var name = Logins.Declared.ActiveExternalSecret;
        var patch = new JsonObject { ["metadata"] = new JsonObject { ["annotations"] = new JsonObject { [KubernetesLogins.RotationAnnotation] = state?.ToJson() } } };
        await _kubernetes.CustomObjects.PatchNamespacedCustomObjectAsync(new V1Patch(patch.ToJsonString(), V1Patch.PatchType.MergePatch),
            ExternalSecretsApi.Group, ExternalSecretsApi.Version, _options.Namespace, ExternalSecretsApi.ExternalSecrets, name, cancellationToken: cancellationToken);
        return $"annotation {KubernetesLogins.RotationAnnotation} of ExternalSecret {_options.Namespace}/{name}";
    }

    /// <summary>ESO's documented refresh: <c>kubectl annotate es NAME force-sync=$(date +%s) --overwrite</c>.</summary>
    private Task ForceSyncAsync(string externalSecret, CancellationToken cancellationToken)
    {
        var stamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var patch = new JsonObject { ["metadata"] = new JsonObject { ["annotations"] = new JsonObject { [ExternalSecretsApi.ForceSyncAnnotation] = stamp } } };
        return _kubernetes.CustomObjects.PatchNamespacedCustomObjectAsync(new V1Patch(patch.ToJsonString(), V1Patch.PatchType.MergePatch),
            ExternalSecretsApi.Group, ExternalSecretsApi.Version, _options.Namespace, ExternalSecretsApi.ExternalSecrets, externalSecret, cancellationToken: cancellationToken);
    }

    /// <summary>Sets <c>login</c> of the slot's managed role; the <c>test</c> op makes the patch fail rather than change another role if the list moved.</summary>
    private async Task PatchLoginAsync(string slot, bool login, CancellationToken cancellationToken)
    {
        var role = LoginRole(slot);
        var cluster = await _watch.ReadAsync(Custom(CnpgApi.Clusters, _options.ClusterName), cancellationToken)
            ?? throw new InvalidOperationException($"Cluster {_options.Namespace}/{_options.ClusterName} not found");
        var roles = cluster["spec"]?["managed"]?["roles"]?.AsArray() ?? [];
        var index = roles.Select((r, i) => (Name: r?["name"]?.GetValue<string>(), i)).FirstOrDefault(r => r.Name == role, (null, -1)).i;
        if (index < 0)
        {
            throw new InvalidOperationException($"Cluster {_options.Namespace}/{_options.ClusterName} declares no managed role {role} in spec.managed.roles");
        }

        var patch = new JsonArray(
            new JsonObject { ["op"] = "test", ["path"] = $"/spec/managed/roles/{index}/name", ["value"] = role },
            new JsonObject { ["op"] = "add", ["path"] = $"/spec/managed/roles/{index}/login", ["value"] = login });
        await _kubernetes.CustomObjects.PatchNamespacedCustomObjectAsync(new V1Patch(patch.ToJsonString(), V1Patch.PatchType.JsonPatch),
            CnpgApi.Group, CnpgApi.Version, _options.Namespace, CnpgApi.Clusters, _options.ClusterName, cancellationToken: cancellationToken);
    }
}
