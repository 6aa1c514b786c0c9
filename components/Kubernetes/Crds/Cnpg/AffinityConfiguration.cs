using System.Text.Json.Serialization;

namespace PgPlatform.Components.Kubernetes.Crds.Cnpg;

/// <summary><c>Cluster.spec.affinity</c>.</summary>
public sealed class AffinityConfiguration
{
    /// <summary>Whether the operator adds pod anti-affinity between instances.</summary>
    [JsonPropertyName("enablePodAntiAffinity")] public bool? EnablePodAntiAffinity { get; init; }

    /// <summary><c>required</c> or <c>preferred</c>.</summary>
    [JsonPropertyName("podAntiAffinityType")] public string? PodAntiAffinityType { get; init; }

    /// <summary>Topology key the anti-affinity spreads over.</summary>
    [JsonPropertyName("topologyKey")] public string? TopologyKey { get; init; }
}
