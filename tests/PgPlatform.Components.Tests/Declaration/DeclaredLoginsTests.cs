using k8s.Models;
using PgPlatform.Components.Day2;
using PgPlatform.Components.Declaration;
using PgPlatform.Components.Kubernetes.Crds.ExternalSecrets;
using PgPlatform.Components.Model;
using PgPlatform.Components.Settings;
using PgPlatform.Components.Tiers;
using PgPlatform.Components.Vocabulary;

namespace PgPlatform.Components.Tests.Declaration;

public sealed class DeclaredLoginsTests
{
    private static readonly CatalogEntry Shop = new("shop", "sales", new AppWorkloadArgs { Team = "sales", Image = new ContainerImage("example/shop", "1.0.0"), Port = 8080, DatabaseEnvironment = new() });

    [Fact]
    public void TheLoginsOfADeclaredDatabaseAreReadFromItsClusterAndExternalSecrets()
    {
        var shop = DeclaredStack.Declare(SyntheticStacks.Settings("prod", TierProfiles.Production, ["shop"]), [Shop]).Database("shop");

        var logins = shop.Logins!;

        Assert.Equal(
            [new DeclaredLogin("a", "shop_a", "shop-db-login-a", "shop-db-login-a", "shop-prod-db-login-a-password"),
             new DeclaredLogin("b", "shop_b", "shop-db-login-b", "shop-db-login-b", "shop-prod-db-login-b-password")],
            logins.Logins);
        Assert.Equal(("shop-db-login", "shop-db-login", "shop-prod-db-active-login"), (logins.ActiveSecret, logins.ActiveExternalSecret, logins.ActiveVaultSecret));
        Assert.Equal(("b", null), (logins.SlotOf("shop_b"), logins.SlotOf("shop")));
        Assert.Equal("no login role is declared for slot 'c' (declared: a = shop_a, b = shop_b) (Parameter 'slot')", Assert.Throws<ArgumentException>(() => logins.Slot("c")).Message);
    }

    [Fact]
    public void ADeclarationWithOtherNamesIsFollowedNotRebuiltFromTheNamingRules()
    {
        var names = new DatabaseNames("shop", "qa");
        var cluster = DeclaredStack.Declare(SyntheticStacks.Settings("prod", TierProfiles.Production, ["shop"]), [Shop]).Database("shop").Cluster;
        var env = TestEnvironments.For(TierProfiles.Production, "qa");
        // The login ExternalSecrets carry names of their own; the Secrets they write are the ones the Cluster reads.
        var externals = new List<ExternalSecret>
        {
            DatabaseLogins.LoginSecret(new V1ObjectMeta { Name = "sync-a", NamespaceProperty = "shop-prod" }, env, names, "shop", "a", new Dictionary<string, string>()),
            DatabaseLogins.LoginSecret(new V1ObjectMeta { Name = "sync-b", NamespaceProperty = "shop-prod" }, env, names, "shop", "b", new Dictionary<string, string>()),
            DatabaseLogins.ActiveLoginSecret(new V1ObjectMeta { Name = "app-login-sync", NamespaceProperty = "shop-prod" }, env, names, "shop", new Dictionary<string, string>()),
        };
        var renamed = externals.Select(e => e.Spec.Target.Name).ToList();
        var declaredSecrets = cluster.Spec.Managed!.Roles!.Select(r => r.PasswordSecret!.Name).ToList();

        var logins = DeclaredLogins.Read(cluster, "shop", [.. externals.Take(2).Select((e, i) => Retarget(e, declaredSecrets[i])), externals[2]])!;

        Assert.Equal(["shop-db-login-a", "shop-db-login-b", "shop-db-login"], renamed);
        Assert.Equal([("sync-a", "shop-qa-db-login-a-password"), ("sync-b", "shop-qa-db-login-b-password")], logins.Logins.Select(l => (l.ExternalSecret, l.VaultSecret)));
        Assert.Equal(("shop-db-login", "app-login-sync", "shop-qa-db-active-login"), (logins.ActiveSecret, logins.ActiveExternalSecret, logins.ActiveVaultSecret));
    }

    [Fact]
    public void LoginRolesWithoutTheApplicationsLoginSecretAreADeclarationErrorNamingTheCluster()
    {
        var shop = DeclaredStack.Declare(SyntheticStacks.Settings("prod", TierProfiles.Production, ["shop"]), [Shop]).Database("shop");

        var e = Assert.Throws<DeclarationException>(() => DeclaredLogins.Read(shop.Cluster, "shop", [shop.OwnerSecret]));

        Assert.StartsWith("Cluster shop-prod/shop-db declares login roles (shop_a, shop_b) but its namespace has 0 ExternalSecrets with a 'active' key, not one for the application's login", e.Message, StringComparison.Ordinal);
        Assert.Null(DeclaredLogins.Read(shop.Cluster, "someone-else", [shop.OwnerSecret]));
    }

    private static ExternalSecret Retarget(ExternalSecret external, string secret) => new()
    {
        Metadata = external.Metadata,
        Spec = new ExternalSecretSpec
        {
            RefreshInterval = external.Spec.RefreshInterval,
            SecretStoreRef = external.Spec.SecretStoreRef,
            Target = new ExternalSecretTarget { Name = secret, CreationPolicy = external.Spec.Target.CreationPolicy, Template = external.Spec.Target.Template },
            Data = external.Spec.Data,
        },
    };
}
