using PgPlatform.Components.Day2;
using PgPlatform.Components.Declaration;
using PgPlatform.Components.Model;
using PgPlatform.Components.Settings;
using PgPlatform.Components.Tiers;

namespace PgPlatform.Components.Tests.Declaration;

public sealed class DeclaredStackTests
{
    private static readonly CatalogEntry Shop = new("shop", "sales", new AppWorkloadArgs { Team = "sales", Image = new ContainerImage("example/shop", "1.0.0"), Port = 8080, DatabaseEnvironment = new() });
    private static readonly CatalogEntry Wiki = new("wiki", "docs", new AppWorkloadArgs { Team = "docs", Image = new ContainerImage("example/wiki", "2.0.0"), Port = 3000, DatabaseEnvironment = new() });

    [Fact]
    public void EveryDeclaredDatabaseIsFoundInTheModelWithTheNamesItsObjectsCarry()
    {
        var stack = DeclaredStack.Declare(SyntheticStacks.Settings("prod", TierProfiles.Production, ["shop", "wiki"]), [Shop, Wiki]);

        Assert.Equal(["shop", "wiki"], stack.Databases.Select(d => d.Application));
        var shop = stack.Database("shop");
        Assert.Equal(("shop-prod", "shop-db", "shop-db", "shop-db-owner", "shop-db-owner", "shop-prod-db-owner-password", "shop-db"),
            (shop.Namespace, shop.ClusterName, shop.ServiceAccountName, shop.OwnerSecretName, shop.OwnerExternalSecretName, shop.VaultSecretName, shop.ArchiveServerName));
        Assert.Equal(new Uri("https://stsyntheticprod.blob.core.windows.net/shop-prod"), shop.BackupContainerUri);
        Assert.Equal(shop.Names.BackupContainerUri("stsyntheticprod"), shop.BackupContainerUri);
        Assert.Equal(TierProfiles.Production.MinInstances, shop.Cluster.Spec.Instances);
        Assert.Equal("pgp-production", shop.StorageClass);
    }

    [Fact]
    public void AnApplicationTheStackDoesNotDeclareIsRefusedNamingTheDeclaredOnes()
    {
        var stack = DeclaredStack.Declare(SyntheticStacks.Settings("dev", TierProfiles.Development, ["wiki"]), [Shop, Wiki]);

        var e = Assert.Throws<DeclarationException>(() => stack.Database("shop"));
        Assert.Contains("declares no database for application 'shop' (it declares wiki)", e.Message);
    }
}
