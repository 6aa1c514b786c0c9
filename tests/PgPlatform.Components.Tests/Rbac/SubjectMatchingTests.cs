using System.Text.Json.Nodes;
using PgPlatform.Components.Rbac;
using static PgPlatform.Components.Tests.Rbac.RbacManifests;

namespace PgPlatform.Components.Tests.Rbac;

public sealed class SubjectMatchingTests
{
    private const string Sa = "system:serviceaccount:app:deployer";
    private static readonly JsonObject PodEditor = ClusterRole("pod-editor", Rule([""], ["pods"], ["get", "create"]));

    private static RbacAuthorizer Bound(params JsonObject[] subjects) =>
        new([PodEditor, RoleBinding("app", "edit", "ClusterRole", "pod-editor", subjects)]);

    [Fact]
    public void AServiceAccountSubjectMatchesOnlyThatServiceAccount()
    {
        var authorizer = Bound(ServiceAccount("deployer", "app"));
        Assert.True(authorizer.Allows(Sa, "create", "pods", "app"));
        Assert.False(authorizer.Allows("system:serviceaccount:other:deployer", "create", "pods", "app"));
        Assert.False(authorizer.Allows("system:serviceaccount:app:builder", "create", "pods", "app"));
        Assert.False(authorizer.Allows("deployer", "create", "pods", "app"));
    }

    [Fact]
    public void AServiceAccountSubjectWithoutNamespaceMeansTheRoleBindingsNamespace()
    {
        Assert.True(Bound(ServiceAccount("deployer")).Allows(Sa, "create", "pods", "app"));
    }

    [Fact]
    public void AServiceAccountSubjectWithoutNamespaceInAClusterRoleBindingMatchesNobody()
    {
        var authorizer = new RbacAuthorizer([PodEditor, ClusterRoleBinding("edit", "pod-editor", ServiceAccount("deployer"))]);
        Assert.False(authorizer.Allows(Sa, "create", "pods", "app"));
    }

    [Fact]
    public void AServiceAccountIsInTheServiceAccountGroups()
    {
        Assert.True(Bound(Group("system:serviceaccounts:app")).Allows(Sa, "get", "pods", "app"));
        Assert.True(Bound(Group("system:serviceaccounts")).Allows(Sa, "get", "pods", "app"));
        Assert.True(Bound(Group("system:authenticated")).Allows(Sa, "get", "pods", "app"));
        Assert.False(Bound(Group("system:serviceaccounts:other")).Allows(Sa, "get", "pods", "app"));
        Assert.False(Bound(Group("system:serviceaccounts")).Allows("alice", "get", "pods", "app"));
    }

    [Fact]
    public void AUserIsAuthenticatedButNotAnonymous()
    {
        Assert.True(Bound(Group("system:authenticated")).Allows("alice", "get", "pods", "app"));
        Assert.False(Bound(Group("system:unauthenticated")).Allows("alice", "get", "pods", "app"));
        Assert.True(Bound(Group("system:unauthenticated")).Allows("system:anonymous", "get", "pods", "app"));
        Assert.False(Bound(Group("system:authenticated")).Allows("system:anonymous", "get", "pods", "app"));
    }

    [Fact]
    public void GroupSubjectsMatchTheExtraGroups()
    {
        var authorizer = Bound(Group("platform-admins"));
        Assert.True(authorizer.Allows("alice", "get", "pods", "app", ["platform-admins"]));
        Assert.True(authorizer.Allows(Sa, "get", "pods", "app", ["platform-admins"]));
        Assert.False(authorizer.Allows("alice", "get", "pods", "app", ["developers"]));
        Assert.False(authorizer.Allows("platform-admins", "get", "pods", "app"));
    }

    [Fact]
    public void ABareGroupSubjectIsAskedForByConstruction()
    {
        var authorizer = Bound(Group("platform-admins"));
        var admins = new RbacSubject("Group", "platform-admins", null, []);
        Assert.True(authorizer.Can(new AccessRequest(admins, "get", "pods", "", "app")).Allowed);
        Assert.False(authorizer.Can(new AccessRequest(new RbacSubject("Group", "developers", null, []), "get", "pods", "", "app")).Allowed);
    }

    [Fact]
    public void AUserSubjectMatchesByExactName()
    {
        var authorizer = Bound(User("alice"));
        Assert.True(authorizer.Allows("alice", "get", "pods", "app"));
        Assert.False(authorizer.Allows("Alice", "get", "pods", "app"));
        Assert.False(authorizer.Allows("bob", "get", "pods", "app", ["alice"]));
    }

    [Fact]
    public void AUserSubjectSpelledAsAServiceAccountUserNameMatchesThatServiceAccount() =>
        Assert.True(Bound(User(Sa)).Allows(Sa, "get", "pods", "app"));

    [Fact]
    public void DenialsNameTheServiceAccount() =>
        Assert.Equal(
            "no RBAC rule allows ServiceAccount app/deployer to delete pods named web-0 in namespace app",
            Bound(ServiceAccount("deployer")).Ask(Sa, "delete", "pods/web-0", "app").Reason);

    [Fact]
    public void ParsingAServiceAccountAddsItsImplicitGroups()
    {
        var subject = RbacSubject.Parse(Sa, ["ci"]);
        Assert.Equal(("ServiceAccount", "deployer", "app"), (subject.Kind, subject.Name, subject.Namespace));
        Assert.Equal(["system:serviceaccounts", "system:serviceaccounts:app", "system:authenticated", "ci"], subject.Groups);
    }

    [Fact]
    public void ParsingAUserAddsAuthenticated()
    {
        var subject = RbacSubject.Parse("alice", ["developers"]);
        Assert.Equal(("User", "alice", (string?)null), (subject.Kind, subject.Name, subject.Namespace));
        Assert.Equal(["system:authenticated", "developers"], subject.Groups);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("system:serviceaccount:app")]
    [InlineData("system:serviceaccount:app:")]
    [InlineData("system:serviceaccount:App:deployer")]
    [InlineData("system:serviceaccount:app:deployer:extra")]
    public void ParsingRejectsMalformedSubjects(string asUser) =>
        Assert.Throws<ArgumentException>(() => RbacSubject.Parse(asUser));

    [Fact]
    public void ParsingRejectsEmptyGroups() =>
        Assert.Throws<ArgumentException>(() => RbacSubject.Parse("alice", [""]));
}
