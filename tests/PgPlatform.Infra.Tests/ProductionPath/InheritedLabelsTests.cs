using PgPlatform.Components.Day2;
using PgPlatform.Components.Vocabulary;

namespace PgPlatform.Infra.Tests.ProductionPath;

/// <summary>
/// Issue 11, item 7: CNPG labels its children (pods, PVCs, services) with <c>app.kubernetes.io/name</c>,
/// <c>managed-by</c> and <c>component</c> itself; passing ours through <c>inheritedMetadata</c> makes its PVC label
/// reconciler patch them on every loop. Children inherit pg-platform's own keys only; the Cluster keeps all.
/// </summary>
public sealed class InheritedLabelsTests
{
    public static TheoryData<string> Stacks => StackPrograms.Names;

    [Theory]
    [MemberData(nameof(Stacks))]
    public void ClustersPassOnlyPgPlatformKeysToTheObjectsCnpgCreates(string stack)
    {
        var clusters = StackPrograms.Of(stack).OfKind("Cluster").ToList();
        Assert.NotEmpty(clusters);
        foreach (var cluster in clusters)
        {
            var inherited = cluster["spec"]!["inheritedMetadata"]!["labels"]!.AsObject().Select(l => l.Key).ToList();
            Assert.All(inherited, key => Assert.True(
                key.StartsWith(PlatformLabels.OwnPrefix, StringComparison.Ordinal) || key == AppDatabase.WorkloadIdentityLabel,
                $"{stack}: Cluster {cluster["metadata"]!["name"]} passes '{key}' to its children, which CNPG labels itself"));
            Assert.Contains(PlatformLabels.Team, inherited);
            Assert.Contains(PlatformLabels.Tier, inherited);
            Assert.Contains(PlatformLabels.CostClass, inherited);

            var own = cluster["metadata"]!["labels"]!.AsObject();
            Assert.Equal(PlatformLabels.ManagedByValue, (string?)own[PlatformLabels.ManagedBy]);
            Assert.Equal(PlatformLabels.DatabaseComponent, (string?)own[PlatformLabels.Component]);
            Assert.NotNull(own[PlatformLabels.Name]);
        }
    }
}
