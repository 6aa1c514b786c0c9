using PgPlatform.Components.Declaration;
using PgPlatform.Components.Kubernetes.Crds.Cnpg;
using PgPlatform.Components.Model;
using PgPlatform.Components.Settings;
using PgPlatform.Components.Tiers;

namespace PgPlatform.Components.Tests.Declaration;

public sealed class PlatformDeclarationTests
{
    private static StackSettings Settings(params string[] apps) => SyntheticStacks.Settings("prod", TierProfiles.Production, apps);

    [Fact]
    public void ACatalogDeclaringAnApplicationTwiceIsRefused()
    {
        var e = Assert.Throws<DeclarationException>(() => PlatformDeclaration.Build(Settings("shop"), [TestCatalog.Shop, TestCatalog.Shop]));
        Assert.Contains("declares 'shop' 2 times", e.Message);
    }

    [Fact]
    public void AnApplicationTheCatalogDoesNotDeclareIsRefusedNamingTheDeclaredOnes()
    {
        var e = Assert.Throws<DeclarationException>(() => PlatformDeclaration.Build(Settings("shop", "gitlab"), TestCatalog.All));
        Assert.Contains("stack 'prod' selects application 'gitlab', which the catalog does not declare", e.Message);
        Assert.Contains("Fix: use one of shop, wiki", e.Message);
    }

    [Theory]
    [InlineData(1, null, "application 'shop' in environment 'prod': 1 instance(s) is fewer than the 3 the production tier requires")]
    [InlineData(null, 90, "application 'shop' in environment 'prod': a retention of 90 days is outside the production tier's 14 to 30 days")]
    public void ASelectionTheTierForbidsIsRefusedNamingTheApplication(int? instances, int? retentionDays, string expected)
    {
        var settings = Settings("shop");
        settings = settings with { Databases = [settings.Databases[0] with { Instances = instances, RetentionDays = retentionDays }] };
        var e = Assert.Throws<DeclarationException>(() => PlatformDeclaration.Build(settings, TestCatalog.All));
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void OnlySelectedApplicationsAreDeclared()
    {
        var model = PlatformDeclaration.Build(Settings("wiki"), TestCatalog.All);
        Assert.Contains(model.KubernetesObjects, o => o.Application == "wiki");
        Assert.All(model.KubernetesObjects.Where(o => o.Group != ObjectGroup.Platform), o => Assert.Equal("wiki", o.Application));
    }

    [Fact]
    public void AnEphemeralStackOnboardsAgainstItsBaseEnvironmentAndOwnsNoFoundation()
    {
        var model = PlatformDeclaration.Build(SyntheticStacks.Settings("drill1", TierProfiles.Ephemeral, ["shop"]), TestCatalog.All);
        var types = model.Resources.OfType<PulumiResource>().Select(r => r.Type).ToHashSet();
        Assert.Equal(
            ["random:RandomPassword", "azure-native:keyvault:Secret", "azure-native:storage:BlobContainer", "azure-native:managedidentity:UserAssignedIdentity", "azure-native:managedidentity:FederatedIdentityCredential", "azure-native:authorization:RoleAssignment"],
            types);
        Assert.DoesNotContain(model.KubernetesObjects, o => o.Group is ObjectGroup.Platform);
        Assert.Equal(["ServiceAccount"], model.KubernetesObjects.Where(o => o.Group == ObjectGroup.Access).Select(o => (string?)o.ToJson()["kind"]));
        var container = model.Resources.OfType<PulumiResource>().Single(r => r.Type == "azure-native:storage:BlobContainer");
        Assert.Equal(("rg-synthetic-drill1", "stsyntheticdrill1", "shop-drill1"), ((string)container.Properties["resourceGroupName"]!, (string)container.Properties["accountName"]!, (string)container.Properties["containerName"]!));
        var cluster = model.KubernetesObjects.Single(o => o.Object is Cluster).ToJson();
        Assert.Equal("shop-db", (string?)cluster["spec"]!["serviceAccountName"]);
        Assert.Equal("drill1", (string?)cluster["metadata"]!["labels"]!["pg-platform.io/environment"]);
    }

    [Fact]
    public void ASelectedRecoveryBecomesTheDatabasesBootstrap()
    {
        var settings = SyntheticStacks.Settings("qa", TierProfiles.Development, ["shop"]);
        settings = settings with { Databases = [settings.Databases[0] with { RecoverFrom = new RecoverySelection { Stack = "dev", BackupId = "20261122T030000" } }] };
        var model = PlatformDeclaration.Build(settings, TestCatalog.All);
        var recovery = model.KubernetesObjects.Single(o => o.Object is Cluster).ToJson()["spec"]!["bootstrap"]!["recovery"]!;
        Assert.Equal("origin", (string?)recovery["source"]);
        Assert.Equal("20261122T030000", (string?)recovery["recoveryTarget"]!["backupID"]);
        Assert.Contains(model.Resources.OfType<PulumiResource>(), r => r.Type == "kubernetes:helm.sh/v3:Release");
    }
}
