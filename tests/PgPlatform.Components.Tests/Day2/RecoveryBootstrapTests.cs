using System.Text.Json.Nodes;
using PgPlatform.Components.Day2;
using PgPlatform.Components.Model;
using PgPlatform.Components.Tiers;
using PgPlatform.Testing.Kubernetes;
using PgPlatform.Components.Vocabulary;

namespace PgPlatform.Components.Tests.Day2;

public sealed class RecoveryBootstrapTests
{
    private static readonly DatabaseRecovery PointInTime = new()
    {
        SourceEnvironment = "drill-1a2b3c",
        BackupId = "20261122T030000",
        TargetTime = new DateTimeOffset(2026, 11, 22, 19, 41, 37, TimeSpan.FromHours(1)),
    };

    private static ResourceModel Declare(DatabaseRecovery? recovery, TierProfile? tier = null)
    {
        var model = new ResourceModel();
        _ = new AppDatabase(model, "shop", new AppDatabaseArgs { Team = "team-a", Environment = TestEnvironments.For(tier ?? TierProfiles.Ephemeral, "drill-4d5e6f"), Recovery = recovery });
        return model;
    }

    private static JsonObject Store(ResourceModel model, string name) => ModelObjects.OfKind(model, "ObjectStore").Single(o => (string?)o["metadata"]!["name"] == name);

    [Fact]
    public void ARestoredClusterBootstrapsByRecoveryFromTheOriginWithTheOwnersCredentials()
    {
        var model = Declare(PointInTime);
        var spec = ModelObjects.Single(model, "Cluster")["spec"]!;
        Assert.Null(spec["bootstrap"]!["initdb"]);
        var recovery = spec["bootstrap"]!["recovery"]!;
        Assert.Equal("origin", (string?)recovery["source"]);
        Assert.Equal("shop", (string?)recovery["database"]);
        Assert.Equal("shop", (string?)recovery["owner"]);
        Assert.Equal("shop-db-owner", (string?)recovery["secret"]!["name"]);
        Assert.Contains(ModelObjects.All(model), o => (string?)o["kind"] == "ExternalSecret" && (string?)o["spec"]!["target"]!["name"] == (string?)recovery["secret"]!["name"]);
        Assert.Equal("20261122T030000", (string?)recovery["recoveryTarget"]!["backupID"]);
        Assert.Equal("2026-11-22T18:41:37Z", (string?)recovery["recoveryTarget"]!["targetTime"]);
    }

    [Fact]
    public void TheOriginIsReadThroughTheBarmanCloudPluginFromTheSourceContainer()
    {
        var model = Declare(PointInTime);
        var external = ModelObjects.Single(model, "Cluster")["spec"]!["externalClusters"]!.AsArray().Single()!;
        Assert.Equal("origin", (string?)external["name"]);
        Assert.Equal(BarmanCloudApi.PluginName, (string?)external["plugin"]!["name"]);
        Assert.Equal("shop-db-origin", (string?)external["plugin"]!["parameters"]!["barmanObjectName"]);
        Assert.Equal("shop-db", (string?)external["plugin"]!["parameters"]!["serverName"]);
        Assert.Null(external["plugin"]!["isWALArchiver"]);
        var origin = Store(model, "shop-db-origin")["spec"]!;
        Assert.Equal("https://stbackups.blob.core.windows.net/shop-drill-1a2b3c", (string?)origin["configuration"]!["destinationPath"]);
        Assert.True((bool)origin["configuration"]!["azureCredentials"]!["useDefaultAzureCredentials"]!);
        Assert.Null(origin["retentionPolicy"]);
    }

    [Fact]
    public void TheRestoredClusterStillArchivesIntoItsOwnContainerOnly()
    {
        var restored = Declare(PointInTime);
        var fresh = Declare(null);
        var plugins = ModelObjects.Single(restored, "Cluster")["spec"]!["plugins"]!;
        Assert.True(JsonNode.DeepEquals(ModelObjects.Single(fresh, "Cluster")["spec"]!["plugins"], plugins));
        Assert.Equal("shop-db-backups", (string?)plugins[0]!["parameters"]!["barmanObjectName"]);
        Assert.True(JsonNode.DeepEquals(Store(fresh, "shop-db-backups"), Store(restored, "shop-db-backups")));
        Assert.Equal("https://stbackups.blob.core.windows.net/shop-drill-4d5e6f", (string?)Store(restored, "shop-db-backups")["spec"]!["configuration"]!["destinationPath"]);
        Assert.Equal("plugin", (string?)ModelObjects.Single(restored, "ScheduledBackup")["spec"]!["method"]);
    }

    [Fact]
    public void WithoutATargetRecoveryReplaysTheWholeArchive()
    {
        var recovery = ModelObjects.Single(Declare(new DatabaseRecovery { SourceEnvironment = "prod" }), "Cluster")["spec"]!["bootstrap"]!["recovery"]!;
        Assert.Null(recovery["recoveryTarget"]);
    }

    [Theory]
    [InlineData(0, "2026-11-22T18:41:37Z")]
    [InlineData(5_000_000, "2026-11-22T18:41:37.5Z")]
    [InlineData(1_230_000, "2026-11-22T18:41:37.123Z")]
    public void TargetTimesAreUtcRfc3339WithFractionsOnlyWhenThereAreAny(long ticks, string expected)
    {
        var time = new DateTimeOffset(2026, 11, 22, 13, 41, 37, TimeSpan.FromHours(-5)).AddTicks(ticks);
        Assert.Equal(expected, RecoveryBootstrap.TargetTime(time));
    }

    [Fact]
    public void EveryObjectOfARestoredDatabaseValidatesAgainstItsSchema()
    {
        foreach (var tier in TierProfiles.All)
        {
            var errors = ModelObjects.All(Declare(PointInTime, tier)).SelectMany(o => KubernetesSchemaValidator.Shared.Validate(o).Select(e => $"{tier.Name} {o["kind"]}: {e}")).ToList();
            Assert.True(errors.Count == 0, string.Join("\n", errors));
        }
    }

    [Theory]
    [InlineData("drill-4d5e6f", "recovers from its own environment")]
    [InlineData("Prod", "recovery source environment 'Prod' is not a DNS-1123 label")]
    [InlineData("a-source-environment-whose-name-is-so-long-that-the-container-name-breaks", "longer than the 63 allowed")]
    public void ABadRecoverySourceIsRefused(string source, string expected)
    {
        var e = Assert.Throws<DeclarationException>(() => Declare(new DatabaseRecovery { SourceEnvironment = source }));
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void ABadBackupIdIsRefused()
    {
        var e = Assert.Throws<DeclarationException>(() => Declare(new DatabaseRecovery { SourceEnvironment = "prod", BackupId = "../latest" }));
        Assert.Contains("backup id '../latest' is not a Barman backup id", e.Message);
    }
}
