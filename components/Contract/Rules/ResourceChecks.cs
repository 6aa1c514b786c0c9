using System.Text.Json.Nodes;
using PgPlatform.Components.Tiers;

namespace PgPlatform.Components.Contract.Rules;

/// <summary>The requests-and-limits check shared by Clusters and workload containers.</summary>
internal static class ResourceChecks
{
    public static IEnumerable<Violation> Check(ContractRule rule, Manifest manifest, JsonNode? resources, string path, TierProfile? tier)
    {
        Violation Make(string field, string message, string fix) => rule.Violation(manifest, field, message, fix);

        foreach (var resource in new[] { "cpu", "memory" })
        {
            if (JsonPath.Get(resources, "requests") is not JsonObject requests || !requests.ContainsKey(resource))
            {
                yield return Make($"{path}.requests.{resource}", $"no {resource} request, so the scheduler cannot place the pod reliably", $"set {path}.requests.{resource}, e.g. {(resource == "cpu" ? "500m" : "1Gi")}");
            }
        }

        if (tier?.Tier == Tier.Production && (JsonPath.Get(resources, "limits") is not JsonObject limits || !limits.ContainsKey("memory")))
        {
            yield return Make($"{path}.limits.memory", "no memory limit in production", $"set {path}.limits.memory (equal to the request for Guaranteed QoS)");
        }
    }
}
