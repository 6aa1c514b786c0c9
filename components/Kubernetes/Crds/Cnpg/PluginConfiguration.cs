using System.Text.Json.Serialization;

namespace PgPlatform.Components.Kubernetes.Crds.Cnpg;

/// <summary>A CNPG-I plugin entry (<c>Cluster.spec.plugins[]</c>, <c>externalClusters[].plugin</c>).</summary>
public sealed class PluginConfiguration
{
    /// <summary>Plugin name, e.g. <c>barman-cloud.cloudnative-pg.io</c>.</summary>
    [JsonPropertyName("name")] public required string Name { get; init; }

    /// <summary>Whether this plugin archives WAL for the cluster.</summary>
    [JsonPropertyName("isWALArchiver")] public bool? IsWalArchiver { get; init; }

    /// <summary>Plugin parameters (<c>barmanObjectName</c>, <c>serverName</c>).</summary>
    [JsonPropertyName("parameters")] public IDictionary<string, string>? Parameters { get; init; }
}
