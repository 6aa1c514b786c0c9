using System.Text.Json.Nodes;
using PgPlatform.Components.Rbac;
using static PgPlatform.Components.Tests.Rbac.RbacManifests;

namespace PgPlatform.Components.Tests.Rbac;

public sealed class RuleMatchingTests
{
    private static RbacAuthorizer Granting(params JsonObject[] rules) =>
        new([ClusterRole("granted", rules), RoleBinding("app", "granted", "ClusterRole", "granted", User("dev"))]);

    [Fact]
    public void ResourceNamesRestrictToTheNamedObjects()
    {
        var authorizer = Granting(Rule([""], ["configmaps"], ["get", "update", "create", "list"], ["app-config"]));
        Assert.True(authorizer.Allows("dev", "get", "configmaps/app-config", "app"));
        Assert.True(authorizer.Allows("dev", "update", "configmaps/app-config", "app"));
        Assert.False(authorizer.Allows("dev", "get", "configmaps/other", "app"));
    }

    [Fact]
    public void ARequestWithoutANameIsNotMatchedByAResourceNamesRule()
    {
        var authorizer = Granting(Rule([""], ["configmaps"], ["get", "create", "list"], ["app-config"]));
        Assert.False(authorizer.Allows("dev", "create", "configmaps", "app"));
        Assert.False(authorizer.Allows("dev", "list", "configmaps", "app"));
    }

    [Fact]
    public void WildcardVerbsMatchEveryVerb()
    {
        var authorizer = Granting(Rule([""], ["secrets"], ["*"]));
        Assert.True(authorizer.Allows("dev", "deletecollection", "secrets", "app"));
        Assert.True(authorizer.Allows("dev", "escalate", "secrets", "app"));
        Assert.False(authorizer.Allows("dev", "get", "configmaps", "app"));
    }

    [Fact]
    public void WildcardResourcesMatchEveryResourceAndSubresourceOfTheGroup()
    {
        var authorizer = Granting(Rule(["apps"], ["*"], ["get"]));
        Assert.True(authorizer.Allows("dev", "get", "statefulsets.apps", "app"));
        Assert.True(authorizer.Allows("dev", "get", "deployments.apps/web", "app", subresource: "scale"));
        Assert.False(authorizer.Allows("dev", "get", "pods", "app"));
    }

    [Fact]
    public void WildcardApiGroupsMatchEveryGroupIncludingCore()
    {
        var authorizer = Granting(Rule(["*"], ["clusters", "pods"], ["get"]));
        Assert.True(authorizer.Allows("dev", "get", "clusters.postgresql.cnpg.io", "app"));
        Assert.True(authorizer.Allows("dev", "get", "pods", "app"));
        Assert.False(authorizer.Allows("dev", "get", "services", "app"));
    }

    [Fact]
    public void VerbsAreNotInterpretedBeyondExactMatch()
    {
        var authorizer = Granting(Rule([""], ["pods"], ["get"]));
        Assert.False(authorizer.Allows("dev", "list", "pods", "app"));
        Assert.False(authorizer.Allows("dev", "GET", "pods", "app"));
    }

    [Fact]
    public void ASubresourceRuleDoesNotAllowTheParentResource()
    {
        var authorizer = Granting(Rule([""], ["pods/log"], ["get"]));
        Assert.True(authorizer.Allows("dev", "get", "pods/web-0", "app", subresource: "log"));
        Assert.False(authorizer.Allows("dev", "get", "pods/web-0", "app"));
        Assert.False(authorizer.Allows("dev", "get", "pods/web-0", "app", subresource: "exec"));
    }

    [Fact]
    public void AResourceRuleDoesNotAllowItsSubresources()
    {
        var authorizer = Granting(Rule([""], ["pods"], ["get", "create"]));
        Assert.False(authorizer.Allows("dev", "get", "pods/web-0", "app", subresource: "log"));
        Assert.False(authorizer.Allows("dev", "create", "pods/web-0", "app", subresource: "exec"));
    }

    [Fact]
    public void AStarSlashSubresourceRuleMatchesThatSubresourceOfAnyResourceInTheGroup()
    {
        var authorizer = Granting(Rule(["apps"], ["*/scale"], ["update"]));
        Assert.True(authorizer.Allows("dev", "update", "deployments.apps/web", "app", subresource: "scale"));
        Assert.True(authorizer.Allows("dev", "update", "statefulsets.apps/db", "app", subresource: "scale"));
        Assert.False(authorizer.Allows("dev", "update", "deployments.apps/web", "app"));
        Assert.False(authorizer.Allows("dev", "update", "deployments.apps/web", "app", subresource: "status"));
    }

    [Fact]
    public void NonResourceUrlsAreGrantedByClusterRoleBindingsOnly()
    {
        JsonObject[] objects =
        [
            ClusterRole("probes", UrlRule(["/healthz", "/metrics/*"], ["get"])),
            ClusterRoleBinding("probes", "probes", User("monitor")),
            RoleBinding("app", "probes", "ClusterRole", "probes", User("dev")),
        ];
        var authorizer = new RbacAuthorizer(objects);
        Assert.True(authorizer.Allows("monitor", "get", "/healthz"));
        Assert.True(authorizer.Allows("monitor", "get", "/metrics/cadvisor"));
        Assert.False(authorizer.Allows("monitor", "post", "/healthz"));
        Assert.False(authorizer.Allows("monitor", "get", "/version"));
        Assert.False(authorizer.Allows("dev", "get", "/healthz", "app"));
        Assert.Equal("no RBAC rule allows User dev to get non-resource URL /healthz", authorizer.Ask("dev", "get", "/healthz", "app").Reason);
    }

    [Fact]
    public void ANonResourceRuleDoesNotGrantResources()
    {
        var authorizer = new RbacAuthorizer([ClusterRole("all-urls", UrlRule(["*"], ["*"])), ClusterRoleBinding("urls", "all-urls", User("dev"))]);
        Assert.False(authorizer.Allows("dev", "get", "pods", "app"));
    }
}
