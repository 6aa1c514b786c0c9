using System.Text.Json.Nodes;
using PgPlatform.Components.Tiers;

namespace PgPlatform.Infra.Tests.Commands;

/// <summary>
/// Production Clusters replicate synchronously with <c>dataDurability: required</c>, and a drill stack's Cluster replicates
/// as its base environment declares, so the failover drill proves the durability the base runs.
/// </summary>
public sealed class ReplicationTests
{
    [Theory]
    [MemberData(nameof(StackPrograms.Names), MemberType = typeof(StackPrograms))]
    public void Each_cluster_replicates_as_its_base_environment_declares(string baseStack, string stack)
    {
        var declared = StackPrograms.Settings(baseStack, baseStack);
        var expected = stack == StackPrograms.RestoreStack ? ReplicationDurability.Asynchronous : declared.Replication ?? declared.Tier.Replication;
        var clusters = SynchronizedClusters(StackPrograms.AllDelivered(StackPrograms.Settings(baseStack, stack)));

        Assert.NotEmpty(clusters);
        Assert.All(clusters, synchronous =>
        {
            Assert.Equal(expected.IsSynchronous ? ReplicationDurability.Method : null, (string?)synchronous?["method"]);
            Assert.Equal(expected.IsSynchronous ? expected.Number : null, (int?)synchronous?["number"]);
            Assert.Equal(expected.DataDurability, (string?)synchronous?["dataDurability"]);
        });
        if (declared.Tier == TierProfiles.Production && stack != StackPrograms.RestoreStack)
        {
            Assert.All(clusters, synchronous => Assert.Equal("required", (string?)synchronous!["dataDurability"]));
        }
    }

    /// <summary>The <c>spec.postgresql.synchronous</c> of every Cluster among <paramref name="objects"/> (null where absent).</summary>
    private static List<JsonNode?> SynchronizedClusters(List<JsonObject> objects) =>
        [.. objects.Where(o => (string?)o["kind"] == "Cluster").Select(c => c["spec"]!["postgresql"]?["synchronous"])];
}
