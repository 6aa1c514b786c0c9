using PgPlatform.Components.Model;
using PgPlatform.Components.Tiers;
using PgPlatform.Infra.Platform;
using PgPlatform.Components.Settings;
using PgPlatform.Components.Declaration;

namespace PgPlatform.Infra.Tests.Platform;

public sealed class PlatformDeclarationTests
{
    private static StackSettings Settings(params string[] apps) => SyntheticStacks.Settings("prod", TierProfiles.Production, apps);

    [Fact]
    public void ACatalogDeclaringAnApplicationTwiceIsRefused()
    {
        var e = Assert.Throws<DeclarationException>(() => PlatformDeclaration.Build(Settings("linkding"), [ApplicationCatalog.Linkding, ApplicationCatalog.Linkding]));
        Assert.Contains("declares 'linkding' 2 times", e.Message);
    }

    [Fact]
    public void TheCatalogHasTwoApplicationsSoNothingIsAccidentallySingleApp()
    {
        Assert.True(ApplicationCatalog.All.Count >= 2);
        Assert.Equal(ApplicationCatalog.All.Count, ApplicationCatalog.All.Select(a => a.Name).Distinct().Count());
    }

    [Fact]
    public void LinkdingReadsItsDatabaseFromTheLdDbVariables()
    {
        var names = ApplicationCatalog.Linkding.Workload.DatabaseEnvironment;
        Assert.Equal(("LD_DB_HOST", "LD_DB_PORT", "LD_DB_DATABASE", "LD_DB_USER", "LD_DB_PASSWORD"), (names.Host, names.Port, names.Database, names.User, names.Password));
        Assert.Equal("postgres", ApplicationCatalog.Linkding.Workload.Environment["LD_DB_ENGINE"]);
        Assert.Equal(9090, ApplicationCatalog.Linkding.Workload.Port);
    }

    [Fact]
    public void OnlySelectedApplicationsAreDeclared()
    {
        var model = PlatformDeclaration.Build(Settings("wikijs"), ApplicationCatalog.All);
        Assert.All(model.KubernetesObjects.Where(o => o.Group != ObjectGroup.Platform), o => Assert.Equal("wikijs", o.Application));
    }

    [Fact]
    public void AnEphemeralStackOnboardsAgainstItsBaseEnvironmentAndOwnsNoFoundation()
    {
        var model = PlatformDeclaration.Build(SyntheticStacks.Settings("drill1", TierProfiles.Ephemeral, ["linkding"]), ApplicationCatalog.All);
        var types = model.Resources.OfType<PulumiResource>().Select(r => r.Type).ToHashSet();
        Assert.Equal(
            ["random:RandomPassword", "azure-native:keyvault:Secret", "azure-native:storage:BlobContainer", "azure-native:managedidentity:UserAssignedIdentity", "azure-native:managedidentity:FederatedIdentityCredential", "azure-native:authorization:RoleAssignment"],
            types);
        Assert.DoesNotContain(model.KubernetesObjects, o => o.Group is ObjectGroup.Platform);
        Assert.Equal(["ServiceAccount"], model.KubernetesObjects.Where(o => o.Group == ObjectGroup.Access).Select(o => (string?)o.ToJson()["kind"]));
        var container = model.Resources.OfType<PulumiResource>().Single(r => r.Type == "azure-native:storage:BlobContainer");
        Assert.Equal(("rg-synthetic-drill1", "stsyntheticdrill1", "linkding-drill1"), ((string)container.Properties["resourceGroupName"]!, (string)container.Properties["accountName"]!, (string)container.Properties["containerName"]!));
        var cluster = model.KubernetesObjects.Single(o => o.Object is PgPlatform.Components.Kubernetes.Crds.Cnpg.Cluster).ToJson();
        Assert.Equal("linkding-db", (string?)cluster["spec"]!["serviceAccountName"]);
        Assert.Equal("drill1", (string?)cluster["metadata"]!["labels"]!["pg-platform.io/environment"]);
    }

    [Fact]
    public void ASelectedRecoveryBecomesTheDatabasesBootstrap()
    {
        var settings = SyntheticStacks.Settings("qa", TierProfiles.Development, ["linkding"]);
        settings = settings with { Databases = [settings.Databases[0] with { RecoverFrom = new RecoverySelection { Stack = "dev", BackupId = "20261122T030000" } }] };
        var model = PlatformDeclaration.Build(settings, ApplicationCatalog.All);
        var recovery = model.KubernetesObjects.Single(o => o.Object is PgPlatform.Components.Kubernetes.Crds.Cnpg.Cluster).ToJson()["spec"]!["bootstrap"]!["recovery"]!;
        Assert.Equal("origin", (string?)recovery["source"]);
        Assert.Equal("20261122T030000", (string?)recovery["recoveryTarget"]!["backupID"]);
        Assert.Contains(model.Resources.OfType<PulumiResource>(), r => r.Type == "kubernetes:helm.sh/v3:Release");
    }
}
