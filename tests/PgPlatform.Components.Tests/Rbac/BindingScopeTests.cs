using System.Text.Json.Nodes;
using PgPlatform.Components.Rbac;
using static PgPlatform.Components.Tests.Rbac.RbacManifests;

namespace PgPlatform.Components.Tests.Rbac;

public sealed class BindingScopeTests
{
    private static readonly JsonObject PodReader = ClusterRole("pod-reader", Rule([""], ["pods"], ["get", "list"]));
    private static readonly JsonObject NodeReader = ClusterRole("node-reader", Rule([""], ["nodes"], ["get"]));

    [Fact]
    public void AClusterRoleBindingGrantsInEveryNamespaceAndAcrossThem()
    {
        var authorizer = new RbacAuthorizer([PodReader, ClusterRoleBinding("ops-read", "pod-reader", User("ops"))]);
        Assert.True(authorizer.Allows("ops", "list", "pods", "team-a"));
        Assert.True(authorizer.Allows("ops", "list", "pods", "team-b"));
        Assert.True(authorizer.Allows("ops", "list", "pods", null));
        Assert.Equal("ClusterRoleBinding ops-read -> ClusterRole pod-reader", authorizer.Ask("ops", "get", "pods/web-0", "team-a").Reason);
        Assert.False(authorizer.Allows("ops", "delete", "pods/web-0", "team-a"));
    }

    [Fact]
    public void AClusterRoleBindingGrantsClusterScopedResources()
    {
        var authorizer = new RbacAuthorizer([NodeReader, ClusterRoleBinding("nodes", "node-reader", User("ops"))]);
        Assert.True(authorizer.Allows("ops", "get", "nodes/worker-1", null));
    }

    [Fact]
    public void ARoleBindingToAClusterRoleGrantsOnlyInItsNamespace()
    {
        var authorizer = new RbacAuthorizer([PodReader, RoleBinding("team-a", "read", "ClusterRole", "pod-reader", User("dev"))]);
        var decision = authorizer.Ask("dev", "list", "pods", "team-a");
        Assert.True(decision.Allowed);
        Assert.Equal("RoleBinding team-a/read -> ClusterRole pod-reader", decision.Reason);
        Assert.False(authorizer.Allows("dev", "list", "pods", "team-b"));
        Assert.False(authorizer.Allows("dev", "list", "pods", null));
    }

    [Fact]
    public void ARoleBindingNeverGrantsClusterScopedResourcesEvenWhenANamespaceIsGiven()
    {
        var authorizer = new RbacAuthorizer([NodeReader, RoleBinding("team-a", "nodes", "ClusterRole", "node-reader", User("dev"))]);
        var decision = authorizer.Ask("dev", "get", "nodes/worker-1", "team-a");
        Assert.False(decision.Allowed);
        Assert.Equal("no RBAC rule allows User dev to get nodes named worker-1 at the cluster scope", decision.Reason);
    }

    [Fact]
    public void CallersCanDeclareMoreClusterScopedResources()
    {
        JsonObject[] objects =
        [
            ClusterRole("issuers", Rule(["cert-manager.io"], ["clusterissuers"], ["get"])),
            RoleBinding("team-a", "issuers", "ClusterRole", "issuers", User("dev")),
        ];
        Assert.True(new RbacAuthorizer(objects).Allows("dev", "get", "clusterissuers.cert-manager.io/letsencrypt", "team-a"));
        Assert.False(new RbacAuthorizer(objects, ["clusterissuers.cert-manager.io"]).Allows("dev", "get", "clusterissuers.cert-manager.io/letsencrypt", "team-a"));
    }

    [Fact]
    public void BuiltInClusterScopedCustomResourcesIgnoreTheNamespace()
    {
        var authorizer = new RbacAuthorizer(
        [
            ClusterRole("stores", Rule(["external-secrets.io"], ["clustersecretstores", "secretstores"], ["get"])),
            RoleBinding("team-a", "stores", "ClusterRole", "stores", User("dev")),
        ]);
        Assert.False(authorizer.Allows("dev", "get", "clustersecretstores.external-secrets.io/vault", "team-a"));
        Assert.True(authorizer.Allows("dev", "get", "secretstores.external-secrets.io/vault", "team-a"));
    }

    [Fact]
    public void ARoleBindingCanGrantAccessToItsOwnNamespaceObject()
    {
        var authorizer = new RbacAuthorizer(
        [
            ClusterRole("ns-reader", Rule([""], ["namespaces"], ["get", "list"])),
            RoleBinding("team-a", "ns-reader", "ClusterRole", "ns-reader", User("dev")),
        ]);
        Assert.True(authorizer.Allows("dev", "get", "namespaces/team-a", null));
        Assert.False(authorizer.Allows("dev", "get", "namespaces/team-b", "team-a"));
        Assert.False(authorizer.Allows("dev", "list", "namespaces", "team-a"));
    }

    [Fact]
    public void ARoleIsOnlyFoundInTheBindingsNamespace()
    {
        var authorizer = new RbacAuthorizer(
        [
            Role("team-b", "pods", Rule([""], ["pods"], ["get"])),
            RoleBinding("team-a", "pods", "Role", "pods", User("dev")),
        ]);
        var decision = authorizer.Ask("dev", "get", "pods/web-0", "team-a");
        Assert.False(decision.Allowed);
        Assert.Equal(
            "no RBAC rule allows User dev to get pods named web-0 in namespace team-a; RoleBinding team-a/pods references missing Role team-a/pods",
            decision.Reason);
    }

    [Fact]
    public void ABindingToAMissingClusterRoleGrantsNothing()
    {
        var decision = new RbacAuthorizer([ClusterRoleBinding("admins", "cluster-admin", User("ops"))]).Ask("ops", "get", "pods", "team-a");
        Assert.False(decision.Allowed);
        Assert.EndsWith("; ClusterRoleBinding admins references missing ClusterRole cluster-admin", decision.Reason);
    }

    [Fact]
    public void AClusterRoleBindingCannotGrantARole()
    {
        var authorizer = new RbacAuthorizer(
        [
            Role("team-a", "pods", Rule([""], ["pods"], ["get"])),
            ClusterRoleBinding("pods", "Role", "pods", User("dev")),
        ]);
        Assert.False(authorizer.Allows("dev", "get", "pods", "team-a"));
    }

    [Fact]
    public void NonRbacObjectsAndRemovedApiVersionsAreIgnored()
    {
        var beta = ClusterRole("pod-reader", Rule([""], ["pods"], ["get"]));
        beta["apiVersion"] = "rbac.authorization.k8s.io/v1beta1";
        var configMap = new JsonObject { ["apiVersion"] = "v1", ["kind"] = "ConfigMap", ["metadata"] = new JsonObject { ["name"] = "x" } };
        var authorizer = new RbacAuthorizer([configMap, beta, ClusterRoleBinding("read", "pod-reader", User("dev"))]);
        Assert.False(authorizer.Allows("dev", "get", "pods", "team-a"));
    }

    [Fact]
    public void ANamespacedManifestWithoutANamespaceLandsInDefault()
    {
        var role = Role("x", "pods", Rule([""], ["pods"], ["get"]));
        var binding = RoleBinding("x", "pods", "Role", "pods", User("dev"));
        ((JsonObject)role["metadata"]!).Remove("namespace");
        ((JsonObject)binding["metadata"]!).Remove("namespace");
        var authorizer = new RbacAuthorizer([role, binding]);
        Assert.True(authorizer.Allows("dev", "get", "pods", "default"));
        Assert.False(authorizer.Allows("dev", "get", "pods", "x"));
    }

    [Fact]
    public void ALaterManifestOfTheSameRoleReplacesTheEarlierOne()
    {
        var authorizer = new RbacAuthorizer(
        [
            Role("team-a", "app", Rule([""], ["pods"], ["get"])),
            Role("team-a", "app", Rule([""], ["secrets"], ["get"])),
            RoleBinding("team-a", "app", "Role", "app", User("dev")),
        ]);
        Assert.False(authorizer.Allows("dev", "get", "pods", "team-a"));
        Assert.True(authorizer.Allows("dev", "get", "secrets", "team-a"));
    }
}
