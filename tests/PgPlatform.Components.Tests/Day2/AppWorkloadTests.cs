using PgPlatform.Components.Day2;
using PgPlatform.Components.Model;
using PgPlatform.Components.Tiers;

namespace PgPlatform.Components.Tests.Day2;

public sealed class AppWorkloadTests
{
    [Fact]
    public void DeploymentReachesTheDatabaseThroughTheRwServiceAndTheActiveLoginSecret()
    {
        var model = new ResourceModel();
        _ = new Application(model, "shop", TestEnvironments.App(TierProfiles.Production, "prod"));
        var deployment = ModelObjects.Single(model, "Deployment");
        var env = deployment["spec"]!["template"]!["spec"]!["containers"]![0]!["env"]!.AsArray();
        string? Value(string name) => (string?)env.Single(e => (string?)e!["name"] == name)!["value"];
        Assert.Equal("shop-db-rw.shop-prod.svc", Value("DB_HOST"));
        Assert.Equal("5432", Value("DB_PORT"));
        Assert.Equal("postgres", Value("APP_MODE"));
        var password = env.Single(e => (string?)e!["name"] == "DB_PASSWORD")!["valueFrom"]!["secretKeyRef"]!;
        Assert.Equal("shop-db-login", (string?)password["name"]);
        Assert.Equal("password", (string?)password["key"]);
        Assert.Equal(2, (int)deployment["spec"]!["replicas"]!);
        Assert.Equal("registry.example.com/app:1.2.3", (string?)deployment["spec"]!["template"]!["spec"]!["containers"]![0]!["image"]);
    }

    [Theory]
    [InlineData("latest")]
    [InlineData("")]
    public void UnpinnedImagesAreRefused(string tag)
    {
        var e = Assert.Throws<DeclarationException>(() => new ContainerImage("registry.example.com/app", tag));
        Assert.Contains("not pinned", e.Message);
    }

    [Fact]
    public void ATagInTheRepositoryIsRefused() =>
        Assert.Throws<DeclarationException>(() => new ContainerImage("registry.example.com/app:1.0", "1.0"));

    [Fact]
    public void SettingADatabaseVariableByHandIsRefused()
    {
        var model = new ResourceModel();
        var args = TestEnvironments.App(TierProfiles.Development);
        args = args with { Workload = args.Workload with { Environment = new Dictionary<string, string> { ["DB_HOST"] = "elsewhere" } } };
        var e = Assert.Throws<DeclarationException>(() => new Application(model, "shop", args));
        Assert.Contains("DB_HOST", e.Message);
    }
}
