using PgPlatform.Components.Model;
using PgPlatform.Components.Serialization;

namespace PgPlatform.Infra.Reports;

/// <summary>What a stack would deploy, counted per engine and kind, for people reading a terminal.</summary>
public static class DeploymentSummary
{
    /// <summary>Lines like <c>  kubernetes  Cluster  2</c>, sorted.</summary>
    public static IReadOnlyList<string> Lines(ResourceModel model)
    {
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var resource in model.Resources)
        {
            var key = resource switch
            {
                KubernetesObjectResource k => $"kubernetes {k.ToJson()["kind"]}",
                PulumiResource p => $"pulumi     {p.Type}",
                _ => $"other      {resource.GetType().Name}",
            };
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }

        return counts.Select(c => $"  {c.Key,-58} {c.Value,5}").ToList();
    }
}
