using System.Text.Json.Nodes;

namespace PgPlatform.Stacks.Targets.Kubernetes;

/// <summary>What the drills read from a live <c>postgresql.cnpg.io/v1 Cluster</c>.</summary>
/// <param name="CurrentPrimary">The pod CNPG considers primary (<c>status.currentPrimary</c>).</param>
/// <param name="Ready">The <c>Ready</c> condition is <c>True</c>.</param>
/// <param name="Phase">CNPG's phase text (<c>Cluster in healthy state</c>, <c>Failing over</c>).</param>
/// <param name="ImageName">The PostgreSQL image (<c>spec.imageName</c>).</param>
/// <param name="StorageClass">The data volumes' class (<c>spec.storage.storageClass</c>).</param>
public sealed record CnpgCluster(string? CurrentPrimary, bool Ready, string? Phase, string? ImageName, string? StorageClass)
{
    /// <summary>Reads the fields from the object's JSON.</summary>
    public static CnpgCluster From(JsonNode cluster)
    {
        var conditions = cluster["status"]?["conditions"] as JsonArray ?? [];
        var ready = conditions.Any(c => Text(c?["type"]) == "Ready" && Text(c?["status"]) == "True");
        return new CnpgCluster(Text(cluster["status"]?["currentPrimary"]), ready, Text(cluster["status"]?["phase"]),
            Text(cluster["spec"]?["imageName"]), Text(cluster["spec"]?["storage"]?["storageClass"]));
    }

    /// <summary>What a wait reports as last seen: <c>primary P, Ready|not Ready, phase 'X'</c>.</summary>
    public string Summary => $"primary {CurrentPrimary ?? "none"}, {(Ready ? "Ready" : "not Ready")}, phase '{Phase}'";

    /// <summary>A string value, or null when absent or not a string.</summary>
    internal static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
