using System.Text.Json;
using PgPlatform.Components.Tiers;

namespace PgPlatform.Components.Contract.Rules;

/// <summary>The requests-and-limits check shared by Clusters and workload containers.</summary>
internal static class ResourceChecks
{
    public static IEnumerable<Violation> Check(ContractRule rule, Manifest manifest, JsonElement? resources, string path, TierProfile? tier)
    {
        Violation Make(string field, string message, string fix) => rule.Violation(manifest, field, message, fix);

        foreach (var resource in new[] { "cpu", "memory" })
        {
            if (!JsonPath.Has(JsonPath.Get(resources, "requests"), resource))
            {
                yield return Make($"{path}.requests.{resource}", $"no {resource} request, so the scheduler cannot place the pod reliably", $"set {path}.requests.{resource}, e.g. {(resource == "cpu" ? "500m" : "1Gi")}");
            }
        }

        if (tier is { RequireMemoryLimit: true } && !JsonPath.Has(JsonPath.Get(resources, "limits"), "memory"))
        {
            yield return Make($"{path}.limits.memory", $"no memory limit in {tier.Name}", $"set {path}.limits.memory (equal to the request for Guaranteed QoS)");
        }
    }
}
