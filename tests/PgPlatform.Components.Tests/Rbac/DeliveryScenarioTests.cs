using PgPlatform.Components.Rbac;
using static PgPlatform.Components.Tests.Rbac.RbacManifests;

namespace PgPlatform.Components.Tests.Rbac;

public sealed class DeliveryScenarioTests
{
    private const string Delivery = "delivery";

    private static readonly RbacAuthorizer Authorizer = new(
    [
        Role(
            "linkding-prod",
            "delivery",
            Rule(["postgresql.cnpg.io"], ["clusters", "scheduledbackups"], ["get", "list", "watch", "create", "update", "patch"]),
            Rule(["apps"], ["deployments"], ["get", "list", "update", "patch"])),
        RoleBinding("linkding-prod", "delivery", "Role", "delivery", User(Delivery)),

        // Operator and storage setup the delivery user must not be able to touch.
        Role("cnpg-system", "operator-admin", Rule(["apps"], ["deployments"], ["*"])),
        RoleBinding("cnpg-system", "operator-admin", "Role", "operator-admin", User("platform")),
        ClusterRole("storage-admin", Rule(["storage.k8s.io"], ["storageclasses"], ["*"])),
        ClusterRoleBinding("storage-admin", "storage-admin", Group("platform-admins")),
    ]);

    [Fact]
    public void DeliveryCanCreateCnpgClustersInItsNamespace()
    {
        var decision = Authorizer.Ask(Delivery, "create", "clusters.postgresql.cnpg.io", "linkding-prod");
        Assert.True(decision.Allowed, decision.Reason);
        Assert.Equal("RoleBinding linkding-prod/delivery -> Role linkding-prod/delivery", decision.Reason);
    }

    [Fact]
    public void DeliveryCannotCreateCnpgClustersInAnotherNamespace()
    {
        var decision = Authorizer.Ask(Delivery, "create", "clusters.postgresql.cnpg.io", "linkding-dev");
        Assert.False(decision.Allowed);
        Assert.Equal("no RBAC rule allows User delivery to create clusters.postgresql.cnpg.io in namespace linkding-dev", decision.Reason);
    }

    [Fact]
    public void DeliveryCannotCreateCnpgClustersAcrossAllNamespaces() =>
        Assert.False(Authorizer.Allows(Delivery, "create", "clusters.postgresql.cnpg.io", ns: null));

    [Fact]
    public void DeliveryCannotUpdateTheOperatorDeployment()
    {
        var decision = Authorizer.Ask(Delivery, "update", "deployments.apps/cloudnative-pg", "cnpg-system");
        Assert.False(decision.Allowed);
        Assert.Equal("no RBAC rule allows User delivery to update deployments.apps named cloudnative-pg in namespace cnpg-system", decision.Reason);
        Assert.True(Authorizer.Allows("platform", "update", "deployments.apps/cloudnative-pg", "cnpg-system"));
    }

    [Fact]
    public void DeliveryCannotPatchAStorageClass()
    {
        var decision = Authorizer.Ask(Delivery, "patch", "storageclasses.storage.k8s.io/premium-rwo", null);
        Assert.False(decision.Allowed);
        Assert.Equal("no RBAC rule allows User delivery to patch storageclasses.storage.k8s.io named premium-rwo at the cluster scope", decision.Reason);
        Assert.True(Authorizer.Allows("alice", "patch", "storageclasses.storage.k8s.io/premium-rwo", null, ["platform-admins"]));
    }

    [Fact]
    public void DeliveryCannotDeleteClustersItMayOnlyCreate() =>
        Assert.False(Authorizer.Allows(Delivery, "delete", "clusters.postgresql.cnpg.io/linkding", "linkding-prod"));

    [Fact]
    public void TheGroupMustMatchNotJustTheResourceName()
    {
        Assert.True(Authorizer.Allows(Delivery, "patch", "deployments.apps", "linkding-prod"));
        Assert.False(Authorizer.Allows(Delivery, "patch", "deployments.extensions", "linkding-prod"));
        Assert.False(Authorizer.Allows(Delivery, "get", "clusters", "linkding-prod"));
    }
}
