using System.Text.Json.Nodes;
using PgPlatform.Components.Day2;
using PgPlatform.Components.Model;
using PgPlatform.Components.Tiers;
using PgPlatform.Components.Vocabulary;

namespace PgPlatform.Components.Tests.Day2;

public sealed class AppDatabaseTests
{
    private static ResourceModel Declare(TierProfile tier, Func<AppDatabaseArgs, AppDatabaseArgs>? change = null)
    {
        var model = new ResourceModel();
        var args = new AppDatabaseArgs { Team = "team-a", Environment = TestEnvironments.For(tier, "prod") };
        _ = new AppDatabase(model, "shop", change?.Invoke(args) ?? args);
        return model;
    }

    [Fact]
    public void ProductionClusterHasThreeInstancesZoneSpreadPdbAndMemoryLimit()
    {
        var cluster = ModelObjects.Single(Declare(TierProfiles.Production), "Cluster");
        var spec = cluster["spec"]!;
        Assert.Equal(3, (int)spec["instances"]!);
        Assert.True((bool)spec["enablePDB"]!);
        Assert.Equal("topology.kubernetes.io/zone", (string?)spec["topologySpreadConstraints"]![0]!["topologyKey"]);
        Assert.Equal("DoNotSchedule", (string?)spec["topologySpreadConstraints"]![0]!["whenUnsatisfiable"]);
        Assert.Equal("required", (string?)spec["affinity"]!["podAntiAffinityType"]);
        Assert.Equal("2Gi", (string?)spec["resources"]!["limits"]!["memory"]);
        Assert.Equal("pgp-production", (string?)spec["storage"]!["storageClass"]);
    }

    [Fact]
    public void DevelopmentClusterHasOneInstanceAndNoHardSpread()
    {
        var spec = ModelObjects.Single(Declare(TierProfiles.Development), "Cluster")["spec"]!;
        Assert.Equal(1, (int)spec["instances"]!);
        Assert.Null(spec["topologySpreadConstraints"]);
        Assert.False((bool)spec["enablePDB"]!);
        Assert.Equal("preferred", (string?)spec["affinity"]!["podAntiAffinityType"]);
    }

    [Fact]
    public void OnlyEphemeralDrillClustersKeepASuperuserLogin()
    {
        Assert.True((bool)ModelObjects.Single(Declare(TierProfiles.Ephemeral), "Cluster")["spec"]!["enableSuperuserAccess"]!);
        foreach (var tier in new[] { TierProfiles.Production, TierProfiles.Staging, TierProfiles.Development })
        {
            Assert.Null(ModelObjects.Single(Declare(tier), "Cluster")["spec"]!["enableSuperuserAccess"]);
        }
    }

    [Fact]
    public void BackupsGoThroughTheBarmanCloudPluginToAnObjectStoreOfTheTree()
    {
        var model = Declare(TierProfiles.Production);
        var cluster = ModelObjects.Single(model, "Cluster");
        Assert.Null(cluster["spec"]!["backup"]);
        var plugin = cluster["spec"]!["plugins"]!.AsArray().Single()!;
        Assert.Equal(BarmanCloudApi.PluginName, (string?)plugin["name"]);
        Assert.True((bool)plugin["isWALArchiver"]!);
        var store = ModelObjects.Single(model, "ObjectStore");
        Assert.Equal((string?)plugin["parameters"]!["barmanObjectName"], (string?)store["metadata"]!["name"]);
        Assert.Equal("https://stbackups.blob.core.windows.net/shop-prod", (string?)store["spec"]!["configuration"]!["destinationPath"]);
        Assert.True((bool)store["spec"]!["configuration"]!["azureCredentials"]!["useDefaultAzureCredentials"]!);
        Assert.Equal("30d", (string?)store["spec"]!["retentionPolicy"]);
        var schedule = ModelObjects.Single(model, "ScheduledBackup");
        Assert.Equal("plugin", (string?)schedule["spec"]!["method"]);
        Assert.Equal("shop-db", (string?)schedule["spec"]!["cluster"]!["name"]);
        Assert.Equal("0 0 3 * * *", (string?)schedule["spec"]!["schedule"]);
    }

    [Fact]
    public void OwnerCredentialsComeFromKeyVaultThroughAnExternalSecretV1()
    {
        var model = Declare(TierProfiles.Production);
        var secret = ModelObjects.All(model).Single(o => (string?)o["kind"] == "ExternalSecret" && (string?)o["metadata"]!["name"] == "shop-db-owner");
        Assert.Equal("external-secrets.io/v1", (string?)secret["apiVersion"]);
        var cluster = ModelObjects.Single(model, "Cluster");
        Assert.Equal((string?)secret["spec"]!["target"]!["name"], (string?)cluster["spec"]!["bootstrap"]!["initdb"]!["secret"]!["name"]);
        Assert.Equal("shop-prod-db-owner-password", (string?)secret["spec"]!["data"]![0]!["remoteRef"]!["key"]);
        var vaultSecrets = model.Resources.OfType<PulumiResource>().Where(r => r.Type == "azure-native:keyvault:Secret").Select(r => r.Properties["secretName"]).ToList();
        Assert.Equal<object?>(["shop-prod-db-login-a-password", "shop-prod-db-login-b-password", "shop-prod-db-active-login", "shop-prod-db-owner-password"], vaultSecrets);
        Assert.DoesNotContain(ModelObjects.All(model), j => (string?)j["kind"] == "Secret");
    }

    [Fact]
    public void TwoLoginRolesActAsTheOwnerAndTheApplicationSecretPicksTheActiveOne()
    {
        var model = Declare(TierProfiles.Production);
        var cluster = ModelObjects.Single(model, "Cluster");
        var roles = cluster["spec"]!["managed"]!["roles"]!.AsArray();
        Assert.Equal(["shop_a", "shop_b"], roles.Select(r => (string?)r!["name"]));
        Assert.Equal([true, false], roles.Select(r => (bool)r!["login"]!));
        Assert.All(roles, r => Assert.Equal("shop", (string?)r!["inRoles"]![0]));
        Assert.Equal(["shop-db-login-a", "shop-db-login-b"], roles.Select(r => (string?)r!["passwordSecret"]!["name"]));
        Assert.Equal(
            ["CREATE ROLE shop_a NOLOGIN IN ROLE shop", "ALTER ROLE shop_a SET role = 'shop'", "CREATE ROLE shop_b NOLOGIN IN ROLE shop", "ALTER ROLE shop_b SET role = 'shop'"],
            cluster["spec"]!["bootstrap"]!["initdb"]!["postInitApplicationSQL"]!.AsArray().Select(s => (string?)s));

        JsonObject Secret(string name) => ModelObjects.All(model).Single(o => (string?)o["kind"] == "ExternalSecret" && (string?)o["metadata"]!["name"] == name);
        var loginB = Secret("shop-db-login-b");
        Assert.Equal("shop_b", (string?)loginB["spec"]!["target"]!["template"]!["data"]!["username"]);
        Assert.Equal("shop-prod-db-login-b-password", (string?)loginB["spec"]!["data"]![0]!["remoteRef"]!["key"]);
        Assert.Equal("true", (string?)loginB["spec"]!["target"]!["template"]!["metadata"]!["labels"]![CnpgApi.ReloadLabel]);
        var active = Secret("shop-db-login");
        Assert.Equal(["shop-prod-db-active-login", "shop-prod-db-login-a-password", "shop-prod-db-login-b-password"], active["spec"]!["data"]!.AsArray().Select(d => (string?)d!["remoteRef"]!["key"]));
        Assert.Equal("{{ if eq .active \"b\" }}shop_b{{ else }}shop_a{{ end }}", (string?)active["spec"]!["target"]!["template"]!["data"]!["username"]);
        Assert.Equal("{{ if eq .active \"b\" }}{{ .password_b }}{{ else }}{{ .password_a }}{{ end }}", (string?)active["spec"]!["target"]!["template"]!["data"]!["password"]);
        var initial = model.Resources.OfType<PulumiResource>().Single(r => r.Type == "azure-native:keyvault:Secret" && (string?)r.Properties["secretName"] == "shop-prod-db-active-login");
        Assert.Equal("a", ((IReadOnlyDictionary<string, object?>)initial.Properties["properties"]!)["value"]);
    }

    [Fact]
    public void TheKeyVaultSecretsTheRotationRewritesIgnoreChangesOfTheirValueAndNothingElseDoes()
    {
        var model = Declare(TierProfiles.Production);

        var ignoring = model.Resources.OfType<PulumiResource>().Where(r => r.IgnoreChanges.Count > 0)
            .Select(r => (r.Type, Secret: (string?)r.Properties["secretName"], Paths: string.Join(",", r.IgnoreChanges))).ToList();

        // The passwords of both logins and the active slot: what RotationRunbook writes. The owner's password is never rotated.
        Assert.Equal(
            [("azure-native:keyvault:Secret", "shop-prod-db-login-a-password", "properties.value"),
             ("azure-native:keyvault:Secret", "shop-prod-db-login-b-password", "properties.value"),
             ("azure-native:keyvault:Secret", "shop-prod-db-active-login", "properties.value")],
            ignoring);
        var secret = model.Resources.OfType<PulumiResource>().First(r => r.IgnoreChanges.Count > 0);
        Assert.True(((IReadOnlyDictionary<string, object?>)secret.Properties["properties"]!).ContainsKey("value"));
    }

    [Fact]
    public void EveryAlertClassHasARuleAndMonitoringIsExplicit()
    {
        var model = Declare(TierProfiles.Production);
        var rules = ModelObjects.Single(model, "PrometheusRule")["spec"]!["groups"]![0]!["rules"]!.AsArray();
        var classes = rules.Select(r => (string?)r!["labels"]!["alert_class"]).ToHashSet();
        Assert.True(AlertClass.All.All(classes.Contains), string.Join(",", classes));
        Assert.All(rules, r => Assert.Equal("shop-db", (string?)r!["labels"]!["cluster"]));
        var monitor = ModelObjects.Single(model, "PodMonitor");
        Assert.Equal("shop-db", (string?)monitor["spec"]!["selector"]!["matchLabels"]!["cnpg.io/cluster"]);
        Assert.Null(ModelObjects.Single(model, "Cluster")["spec"]!["monitoring"]);
    }

    [Fact]
    public void AOneInstanceClusterGetsNoReplicaRulesAndPagesNothing()
    {
        var rules = ModelObjects.Single(Declare(TierProfiles.Development), "PrometheusRule")["spec"]!["groups"]![0]!["rules"]!.AsArray();
        var classes = rules.Select(r => (string)r!["labels"]!["alert_class"]!).ToHashSet();
        Assert.Equal(AlertClass.For(1).Order(), classes.Order());
        Assert.All(rules, r => Assert.Equal("warning", (string?)r!["labels"]!["severity"]));
    }

    [Fact]
    public void EveryObjectCarriesOwnershipAndCostLabels()
    {
        foreach (var obj in ModelObjects.All(Declare(TierProfiles.Staging)))
        {
            var labels = obj["metadata"]!["labels"]!.AsObject();
            foreach (var key in new[] { PlatformLabels.Name, PlatformLabels.Team, PlatformLabels.Tier, PlatformLabels.CostClass, PlatformLabels.Environment })
            {
                Assert.True(labels.ContainsKey(key), $"{obj["kind"]} lacks {key}");
            }
        }
    }

    [Fact]
    public void NetworkPolicyAdmitsOnlyReplicasTheAppTheOperatorAndPrometheus()
    {
        var policy = ModelObjects.Single(Declare(TierProfiles.Production), "NetworkPolicy");
        var ingress = policy["spec"]!["ingress"]!.AsArray();
        Assert.Equal(4, ingress.Count);
        Assert.Equal(5432, (int)ingress[1]!["ports"]![0]!["port"]!);
        Assert.Equal("application", (string?)ingress[1]!["from"]![0]!["podSelector"]!["matchLabels"]![PlatformLabels.Component]);
    }

    [Fact]
    public void OutputsNameTheReadWriteService()
    {
        var model = new ResourceModel();
        var db = new AppDatabase(model, "shop", new AppDatabaseArgs { Team = "t", Environment = TestEnvironments.For(TierProfiles.Development, "dev") });
        Assert.Equal("shop-db-rw.shop-dev.svc", db.Outputs.ReadWriteHost);
        Assert.Equal("shop-db-login", db.Outputs.SecretName);
        Assert.Equal("shop", db.Outputs.Database);
    }

    [Theory]
    [InlineData(1, "fewer than the 3")]
    [InlineData(2, "fewer than the 3")]
    public void ProductionRefusesFewerThanThreeInstances(int instances, string expected)
    {
        var e = Assert.Throws<DeclarationException>(() => Declare(TierProfiles.Production, a => a with { Instances = instances }));
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void RetentionOutsideTheTierIsRefused()
    {
        var e = Assert.Throws<DeclarationException>(() => Declare(TierProfiles.Production, a => a with { RetentionDays = 90 }));
        Assert.Contains("14 to 30 days", e.Message);
    }

    [Fact]
    public void FiveFieldScheduleIsRefused()
    {
        var e = Assert.Throws<DeclarationException>(() => Declare(TierProfiles.Production, a => a with { BackupSchedule = "0 3 * * *" }));
        Assert.Contains("5 fields", e.Message);
    }

    [Fact]
    public void BadStorageSizeIsRefused()
    {
        var e = Assert.Throws<DeclarationException>(() => Declare(TierProfiles.Production, a => a with { StorageSize = "20GB" }));
        Assert.Contains("StorageSize '20GB'", e.Message);
    }

    [Theory]
    [InlineData("Shop")]
    [InlineData("shop_db")]
    [InlineData("a-name-that-is-much-too-long-for-a-database-cluster")]
    public void BadApplicationNamesAreRefused(string name)
    {
        var model = new ResourceModel();
        Assert.Throws<DeclarationException>(() => new AppDatabase(model, name, new AppDatabaseArgs { Team = "t", Environment = TestEnvironments.For(TierProfiles.Development) }));
    }

    [Fact]
    public void DeclaringTheSameApplicationTwiceFails()
    {
        var model = new ResourceModel();
        _ = new Application(model, "shop", TestEnvironments.App(TierProfiles.Development));
        var e = Assert.Throws<DeclarationException>(() => new Application(model, "shop", TestEnvironments.App(TierProfiles.Development)));
        Assert.Contains("shop", e.Message);
    }

    [Fact]
    public void ArgumentsAreGuarded()
    {
        Assert.Throws<ArgumentNullException>(() => new AppDatabase(null!, "shop", new AppDatabaseArgs { Team = "t", Environment = TestEnvironments.For(TierProfiles.Development) }));
        Assert.Throws<ArgumentNullException>(() => new AppDatabase(new ResourceModel(), "shop", null!));
    }
}
