using System.Text.Json.Nodes;
using PgPlatform.Components.Tiers;
using PgPlatform.Stacks.Targets.Kubernetes;

namespace PgPlatform.Stacks.Tests.Targets.Kubernetes;

/// <summary>The replication a live Cluster declares, which decides how many acknowledged rows its failover drill may lose.</summary>
public sealed class CnpgClusterTests
{
    [Theory]
    [InlineData("""{"spec": {"instances": 3}}""", "asynchronous")]
    [InlineData("""{"spec": {"postgresql": {"parameters": {"max_connections": "200"}}}}""", "asynchronous")]
    [InlineData("""{"spec": {"postgresql": {"synchronous": {"method": "any", "number": 1}}}}""", "synchronous")]
    [InlineData("""{"spec": {"postgresql": {"synchronous": {"method": "any", "number": 1, "dataDurability": "preferred"}}}}""", "synchronous-preferred")]
    [InlineData("""{"spec": {"postgresql": {"synchronous": {"method": "first", "number": 2, "dataDurability": "required"}}}}""", "synchronous (first 2, required)")]
    public void ReplicationIsReadFromTheSynchronousStanza(string cluster, string expected)
    {
        var replication = CnpgCluster.From(JsonNode.Parse(cluster)!).Replication;

        Assert.Equal(expected, replication.Name);
        Assert.Equal(expected != "asynchronous", replication.IsSynchronous);
    }

    [Fact]
    public void TheNamedDurabilitiesAreTheOnesTheSettingsName()
    {
        Assert.Same(ReplicationDurability.Synchronous, ReplicationDurability.FromSynchronous("any", 1, null));
        Assert.Same(ReplicationDurability.Preferred, ReplicationDurability.FromSynchronous("any", 1, "preferred"));
        Assert.Same(ReplicationDurability.Asynchronous, ReplicationDurability.FromSynchronous(null, null, null));
        Assert.Equal(2, ReplicationDurability.FromSynchronous("any", 2, null).Number);
    }
}
