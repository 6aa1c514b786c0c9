using System.Text.Json.Nodes;
using PgPlatform.Components.Contract;
using PgPlatform.Components.Contract.Enforcement;
using PgPlatform.Components.Contract.Rules;
using PgPlatform.Components.Day2;
using PgPlatform.Components.Model;
using PgPlatform.Components.Tiers;

namespace PgPlatform.Components.Tests.Contract;

/// <summary>
/// <c>check</c> stays linear in the number of objects: the cross-object rules find what they need through the run's index,
/// and the objects its lookups visit (<see cref="ManifestSet.Examined"/>) grow with the tree, not with its square. Measured by
/// counting, not timing: a fleet whose objects carry no namespace (a kustomize base, where every object may belong with
/// every other) is the worst case, since a lookup cannot narrow by namespace.
/// </summary>
public sealed class CheckScaleTests
{
    private static List<Manifest> Fleet(int applications, bool namespaced)
    {
        var model = new ResourceModel();
        var args = TestEnvironments.App(TierProfiles.Production, "production");
        for (var i = 0; i < applications; i++)
        {
            _ = new Application(model, $"app{i:D4}", args);
        }

        return model.KubernetesObjects.Select(o => o.ToJson()).Select((o, i) =>
        {
            if (!namespaced)
            {
                o["metadata"]!.AsObject().Remove("namespace");
            }

            return new Manifest(o, "fleet.yaml", i + 1);
        }).ToList();
    }

    private static (long Examined, int Objects, int Violations) Run(int applications, bool namespaced)
    {
        var set = new ManifestSet(Fleet(applications, namespaced));
        var violations = ContractChecker.Check(set);
        return (set.Examined, set.All.Count, violations.Count);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void LookupsGrowLinearlyWithTheFleet(bool namespaced)
    {
        var small = Run(25, namespaced);
        var large = Run(100, namespaced);

        Assert.Equal(0, small.Violations);
        Assert.Equal(0, large.Violations);
        Assert.True(small.Examined > 0, "the cross-object rules looked nothing up");
        // Four times the objects: about four times the lookups (a scan of every Cluster per object would be sixteen times).
        Assert.True(large.Examined <= 4.5 * small.Examined, $"{small.Examined} lookups for {small.Objects} objects, {large.Examined} for {large.Objects}");
        Assert.True(large.Examined <= 2L * large.Objects, $"{large.Examined} lookups for {large.Objects} objects");
    }

    [Fact]
    public void ADanglingReferenceIsStillFoundInALargeFleet()
    {
        var fleet = Fleet(100, namespaced: false);
        var workload = fleet.Single(m => m.Kind == "Deployment" && m.Name.StartsWith("app0042", StringComparison.Ordinal));
        var changed = workload.Object.DeepClone().AsObject();
        changed["spec"]!["template"]!["spec"]!["containers"]![0]!["env"]!.AsArray()
            .First(e => e!["valueFrom"] is not null)!["valueFrom"]!["secretKeyRef"]!["name"] = "nobody-makes-this";
        fleet[fleet.IndexOf(workload)] = new Manifest(changed, "fleet.yaml", workload.Line);

        var violation = Assert.Single(ContractChecker.Check(fleet));
        Assert.Equal("PGP016", violation.RuleId);
        Assert.Contains("nobody-makes-this", violation.Message);
    }

    [Theory]
    [InlineData("cnpg_collector_up{namespace=\"shop-production\", pod=~\"shop-db-[0-9]+\"}", "shop-db", true)]
    [InlineData("cnpg_collector_up{namespace=\"shop-production\"}", "shop-production", true)]
    [InlineData("up{pod=~\"myshop-db-1\"}", "shop-db", false)]
    [InlineData("up{pod=~\"cnpg-shop-db.*\"}", "shop-db", true)]
    [InlineData("up{job=\"shop_db\"}", "shop", false)]
    [InlineData("x{cluster=\"a.b-c\"}", "a.b", true)]
    public void ExpressionWordsNameWholeWordsOnly(string expr, string name, bool named)
    {
        Assert.Equal(named, ExpressionWords.Names(expr, name));
        Assert.Equal(named, ExpressionWords.Of(expr).Contains(name));
    }
}
