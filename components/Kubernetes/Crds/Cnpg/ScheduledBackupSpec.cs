using System.Text.Json.Serialization;

namespace PgPlatform.Components.Kubernetes.Crds.Cnpg;

/// <summary><c>ScheduledBackup.spec</c>.</summary>
public sealed class ScheduledBackupSpec
{
    /// <summary>Six-field cron, seconds first.</summary>
    [JsonPropertyName("schedule")] public required string Schedule { get; init; }

    /// <summary>The cluster to back up.</summary>
    [JsonPropertyName("cluster")] public required LocalObjectReference Cluster { get; init; }

    /// <summary><c>plugin</c> for the Barman Cloud plugin.</summary>
    [JsonPropertyName("method")] public string? Method { get; init; }

    /// <summary>The plugin that takes the backup.</summary>
    [JsonPropertyName("pluginConfiguration")] public PluginConfiguration? PluginConfiguration { get; init; }

    /// <summary>Take a backup as soon as the schedule is created.</summary>
    [JsonPropertyName("immediate")] public bool? Immediate { get; init; }

    /// <summary>Which object owns the created Backups: <c>none</c>, <c>self</c> or <c>cluster</c>.</summary>
    [JsonPropertyName("backupOwnerReference")] public string? BackupOwnerReference { get; init; }

    /// <summary><c>primary</c> or <c>prefer-standby</c>.</summary>
    [JsonPropertyName("target")] public string? Target { get; init; }
}
