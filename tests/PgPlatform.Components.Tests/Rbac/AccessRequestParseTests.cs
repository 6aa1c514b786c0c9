using PgPlatform.Components.Rbac;

namespace PgPlatform.Components.Tests.Rbac;

public sealed class AccessRequestParseTests
{
    [Theory]
    [InlineData("pods", "pods", "", null)]
    [InlineData("pods/web-0", "pods", "", "web-0")]
    [InlineData("deployments.apps/cloudnative-pg", "deployments", "apps", "cloudnative-pg")]
    [InlineData("clusters.postgresql.cnpg.io", "clusters", "postgresql.cnpg.io", null)]
    [InlineData("storageclasses.storage.k8s.io/premium-rwo", "storageclasses", "storage.k8s.io", "premium-rwo")]
    [InlineData("deployments.v1.apps", "deployments", "apps", null)]
    [InlineData("cronjobs.v1beta1.batch", "cronjobs", "batch", null)]
    [InlineData("Deployments.Apps", "deployments", "apps", null)]
    [InlineData("*", "*", "", null)]
    public void ResourcesAreSplitLikeKubectl(string resource, string type, string group, string? name)
    {
        var request = AccessRequest.Parse("alice", "get", resource, "app");
        Assert.Equal((type, group, name), (request.Resource, request.Group, request.Name));
    }

    [Fact]
    public void TheSlashIsAlwaysTheNameAndSubresourcesAreSeparate()
    {
        var named = AccessRequest.Parse("alice", "get", "pods/log", "app");
        Assert.Equal(("pods", "log", (string?)null), (named.Resource, named.Name, named.Subresource));
        var log = AccessRequest.Parse("alice", "get", "pods/web-0", "app", subresource: "log");
        Assert.Equal(("pods", "web-0", "log"), (log.Resource, log.Name, log.Subresource));
    }

    [Fact]
    public void NamespaceAndSubjectAreCarriedOver()
    {
        var request = AccessRequest.Parse("system:serviceaccount:ci:runner", "create", "jobs.batch", "app", ["ci-bots"]);
        Assert.Equal("app", request.Namespace);
        Assert.Equal(("ServiceAccount", "runner", "ci"), (request.Subject.Kind, request.Subject.Name, request.Subject.Namespace));
        Assert.Contains("ci-bots", request.Subject.Groups);
        Assert.Null(AccessRequest.Parse("alice", "list", "nodes", "").Namespace);
    }

    [Fact]
    public void NonResourceUrlsKeepTheirPathAndDropTheNamespace()
    {
        var request = AccessRequest.Parse("alice", "get", "/healthz", "app");
        Assert.Equal(("/healthz", "", (string?)null), (request.Resource, request.Group, request.Namespace));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("get list")]
    public void AnEmptyOrSpacedVerbIsRejected(string verb)
    {
        var error = Assert.Throws<ArgumentException>(() => AccessRequest.Parse("alice", verb, "pods", "app"));
        Assert.Equal("verb", error.ParamName);
    }

    [Theory]
    [InlineData("")]
    [InlineData("pods/")]
    [InlineData(".apps")]
    [InlineData("deployments.")]
    [InlineData("deployments..apps")]
    [InlineData("pods/web-0/log")]
    [InlineData("deploy ments")]
    [InlineData("deployments.ap_ps")]
    public void AMalformedResourceIsRejectedWithTheExpectedShape(string resource)
    {
        var error = Assert.Throws<ArgumentException>(() => AccessRequest.Parse("alice", "get", resource, "app"));
        Assert.Equal("resource", error.ParamName);
        Assert.Contains("RESOURCE[.GROUP][/NAME]", error.Message);
    }

    [Fact]
    public void ANestedNameExplainsHowToAskForASubresource()
    {
        var error = Assert.Throws<ArgumentException>(() => AccessRequest.Parse("alice", "get", "pods/web-0/log", "app"));
        Assert.Contains("subresource", error.Message);
    }

    [Theory]
    [InlineData("App")]
    [InlineData("team_a")]
    public void AnInvalidNamespaceIsRejected(string ns) =>
        Assert.Equal("ns", Assert.Throws<ArgumentException>(() => AccessRequest.Parse("alice", "get", "pods", ns)).ParamName);

    [Fact]
    public void AnInvalidSubresourceIsRejected() =>
        Assert.Equal("subresource", Assert.Throws<ArgumentException>(() => AccessRequest.Parse("alice", "get", "pods/web-0", "app", subresource: "log/x")).ParamName);

    [Fact]
    public void ANonResourceUrlCannotHaveASubresource() =>
        Assert.Throws<ArgumentException>(() => AccessRequest.Parse("alice", "get", "/healthz", null, subresource: "log"));

    [Fact]
    public void AnEmptySubjectIsRejected() =>
        Assert.Throws<ArgumentException>(() => AccessRequest.Parse("", "get", "pods", "app"));
}
