using System.Text.Json.Nodes;
using PgPlatform.Components.Tiers;

namespace PgPlatform.Stacks.Targets.Kubernetes;

/// <summary>What the drills read from a live <c>postgresql.cnpg.io/v1 Cluster</c>.</summary>
/// <param name="CurrentPrimary">The pod CNPG considers primary (<c>status.currentPrimary</c>).</param>
/// <param name="Ready">The <c>Ready</c> condition is <c>True</c>.</param>
/// <param name="Phase">CNPG's phase text (<c>Cluster in healthy state</c>, <c>Failing over</c>).</param>
/// <param name="ImageName">The PostgreSQL image (<c>spec.imageName</c>).</param>
/// <param name="StorageClass">The data volumes' class (<c>spec.storage.storageClass</c>).</param>
/// <param name="Replication">How it replicates (<c>spec.postgresql.synchronous</c>; asynchronous when absent, as CNPG does).</param>
public sealed record CnpgCluster(string? CurrentPrimary, bool Ready, string? Phase, string? ImageName, string? StorageClass, ReplicationDurability Replication)
{
    /// <summary>Reads the fields from the object's JSON.</summary>
    public static CnpgCluster From(JsonNode cluster)
    {
        var conditions = cluster["status"]?["conditions"] as JsonArray ?? [];
        var ready = conditions.Any(c => Text(c?["type"]) == "Ready" && Text(c?["status"]) == "True");
        var synchronous = cluster["spec"]?["postgresql"]?["synchronous"];
        var number = synchronous?["number"] is JsonValue n && n.TryGetValue<int>(out var standbys) ? standbys : (int?)null;
        return new CnpgCluster(Text(cluster["status"]?["currentPrimary"]), ready, Text(cluster["status"]?["phase"]),
            Text(cluster["spec"]?["imageName"]), Text(cluster["spec"]?["storage"]?["storageClass"]),
            ReplicationDurability.FromSynchronous(Text(synchronous?["method"]), number, Text(synchronous?["dataDurability"])));
    }

    /// <summary>What a wait reports as last seen: <c>primary P, Ready|not Ready, phase 'X'</c>.</summary>
    public string Summary => $"primary {CurrentPrimary ?? "none"}, {(Ready ? "Ready" : "not Ready")}, phase '{Phase}'";

    /// <summary>A string value, or null when absent or not a string.</summary>
    internal static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
