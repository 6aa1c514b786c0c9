using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using k8s;
using PgPlatform.Components.Vocabulary;

namespace PgPlatform.Stacks.Targets.Kubernetes;

/// <summary>On-demand base backups through the Barman Cloud plugin (CNPG's in-tree object store is deprecated).</summary>
public sealed partial class KubernetesTarget
{
    /// <summary>
    /// Creates a <c>Backup</c> (method <c>plugin</c>, the Barman Cloud plugin) of the Cluster and watches it (at most
    /// <see cref="KubernetesTargetOptions.BackupTimeout"/>) until <c>status.phase</c> is <c>completed</c>. A
    /// <c>failed</c> phase throws <see cref="ObjectStoreException"/> with CNPG's error; no completion in time
    /// throws <see cref="TimeoutException"/> with the last phase seen.
    /// </summary>
    public async Task<BackupInfo> TakeBackupAsync(CancellationToken cancellationToken)
    {
        var name = $"{_options.ClusterName}-drill-{DateTimeOffset.UtcNow:yyyyMMddHHmmss}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(2))}";
        var backup = new JsonObject
        {
            ["apiVersion"] = CnpgApi.ApiVersion,
            ["kind"] = CnpgApi.BackupKind,
            ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = _options.Namespace, ["labels"] = new JsonObject { ["pg-platform.io/drill"] = "backup" } },
            ["spec"] = new JsonObject
            {
                ["cluster"] = new JsonObject { ["name"] = _options.ClusterName },
                ["method"] = BarmanCloudApi.PluginMethod,
                ["pluginConfiguration"] = new JsonObject { ["name"] = BarmanCloudApi.PluginName },
            },
        };
        await _kubernetes.CustomObjects.CreateNamespacedCustomObjectAsync(backup, CnpgApi.Group, CnpgApi.Version, _options.Namespace, CnpgApi.Backups, cancellationToken: cancellationToken);

        var status = (await _watch.UntilAsync(Custom(CnpgApi.Backups, name), $"Backup {name} to complete", b => CnpgCluster.Text(b["status"]?["phase"]) is "completed" or "failed",
            b => $"phase '{CnpgCluster.Text(b["status"]?["phase"]) ?? "none"}'", _options.BackupTimeout, cancellationToken))["status"]!;

        if (CnpgCluster.Text(status["phase"]) == "failed")
        {
            throw new ObjectStoreException($"Backup {name} failed: {CnpgCluster.Text(status["error"]) ?? "no error given"}");
        }

        var stopped = CnpgCluster.Text(status["stoppedAt"]) is { } at ? DateTimeOffset.Parse(at, CultureInfo.InvariantCulture) : DateTimeOffset.UtcNow;
        return new BackupInfo(CnpgCluster.Text(status["backupId"]) ?? name, CnpgCluster.Text(status["beginWal"]) ?? "", CnpgCluster.Text(status["endWal"]) ?? "", stopped);
    }

    /// <summary>
    /// Watches the Cluster's Barman Cloud <c>ObjectStore</c> (the WAL archiver's <c>barmanObjectName</c> in the live
    /// Cluster's <c>spec.plugins</c>) until the plugin reports a successful base backup of this server
    /// (<c>status.serverRecoveryWindow.&lt;cluster&gt;.lastSuccessfulBackupTime</c>), at most
    /// <see cref="KubernetesTargetOptions.BackupTimeout"/>: a fresh Cluster's ScheduledBackup takes an immediate one,
    /// which backup health must not mistake for a missing backup. Returns that time.
    /// </summary>
    public async Task<DateTimeOffset> WaitForFirstBackupAsync(CancellationToken cancellationToken)
    {
        var cluster = await _watch.ReadAsync(Custom(CnpgApi.Clusters, _options.ClusterName), cancellationToken)
            ?? throw new TargetUnavailableException($"Cluster {_options.Namespace}/{_options.ClusterName} not found");
        var storeName = (cluster["spec"]?["plugins"] as JsonArray ?? [])
            .Where(p => CnpgCluster.Text(p?["name"]) == BarmanCloudApi.PluginName && p?["isWALArchiver"]?.GetValue<bool>() == true)
            .Select(p => CnpgCluster.Text(p?["parameters"]?[BarmanCloudApi.ObjectNameParameter]))
            .FirstOrDefault(n => n is not null)
            ?? throw new ObjectStoreException($"Cluster {_options.Namespace}/{_options.ClusterName} archives through no {BarmanCloudApi.PluginName} ObjectStore (no WAL-archiver plugin entry with {BarmanCloudApi.ObjectNameParameter})");
        string? Last(JsonObject store) => CnpgCluster.Text(store["status"]?["serverRecoveryWindow"]?[_options.ClusterName]?["lastSuccessfulBackupTime"]);
        var store = await _watch.UntilAsync(new CustomObjectReference(BarmanCloudApi.Group, BarmanCloudApi.Version, _options.Namespace, BarmanCloudApi.ObjectStores, storeName),
            $"a first base backup of {_options.ClusterName} in ObjectStore {storeName}", s => Last(s) is not null, s => $"last successful backup {Last(s) ?? "none"}", _options.BackupTimeout, cancellationToken);
        return DateTimeOffset.Parse(Last(store)!, CultureInfo.InvariantCulture);
    }
}
