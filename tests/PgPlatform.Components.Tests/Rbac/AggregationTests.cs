using System.Text.Json.Nodes;
using PgPlatform.Components.Rbac;
using static PgPlatform.Components.Tests.Rbac.RbacManifests;

namespace PgPlatform.Components.Tests.Rbac;

public sealed class AggregationTests
{
    private const string ToMonitoring = "rbac.example.com/aggregate-to-monitoring";

    private static RbacAuthorizer Authorizer(params JsonObject[] clusterRoles) =>
        new([.. clusterRoles, ClusterRoleBinding("monitoring", "monitoring", User("ops"))]);

    [Fact]
    public void AnAggregatedClusterRoleGrantsTheRulesOfTheRolesItSelects()
    {
        var authorizer = Authorizer(
            Aggregated(ClusterRole("monitoring"), MatchLabels(ToMonitoring, "true")),
            WithLabel(ClusterRole("pod-metrics", Rule([""], ["pods"], ["get"])), ToMonitoring, "true"),
            WithLabel(ClusterRole("prom-rules", Rule(["monitoring.coreos.com"], ["prometheusrules"], ["list"])), ToMonitoring, "true"),
            WithLabel(ClusterRole("secrets", Rule([""], ["secrets"], ["get"])), ToMonitoring, "false"));
        Assert.True(authorizer.Allows("ops", "get", "pods", "app"));
        Assert.True(authorizer.Allows("ops", "list", "prometheusrules.monitoring.coreos.com", "app"));
        Assert.False(authorizer.Allows("ops", "get", "secrets", "app"));
    }

    [Fact]
    public void TheReasonNamesTheRoleTheRuleWasAggregatedFrom() =>
        Assert.Equal(
            "ClusterRoleBinding monitoring -> ClusterRole monitoring (rule aggregated from ClusterRole pod-metrics)",
            Authorizer(
                Aggregated(ClusterRole("monitoring"), MatchLabels(ToMonitoring, "true")),
                WithLabel(ClusterRole("pod-metrics", Rule([""], ["pods"], ["get"])), ToMonitoring, "true"))
            .Ask("ops", "get", "pods", "app").Reason);

    [Fact]
    public void TheRulesWrittenInAnAggregatedRoleAreOverwritten()
    {
        var authorizer = Authorizer(
            Aggregated(ClusterRole("monitoring", Rule([""], ["secrets"], ["get"])), MatchLabels(ToMonitoring, "true")),
            WithLabel(ClusterRole("pod-metrics", Rule([""], ["pods"], ["get"])), ToMonitoring, "true"));
        Assert.False(authorizer.Allows("ops", "get", "secrets", "app"));
        Assert.True(authorizer.Allows("ops", "get", "pods", "app"));
    }

    [Fact]
    public void AggregationIsTransitive()
    {
        const string ToView = "rbac.example.com/aggregate-to-view";
        var authorizer = Authorizer(
            Aggregated(ClusterRole("monitoring"), MatchLabels(ToMonitoring, "true")),
            WithLabel(Aggregated(ClusterRole("view"), MatchLabels(ToView, "true")), ToMonitoring, "true"),
            WithLabel(ClusterRole("cnpg-view", Rule(["postgresql.cnpg.io"], ["clusters"], ["get"])), ToView, "true"));
        var decision = authorizer.Ask("ops", "get", "clusters.postgresql.cnpg.io", "app");
        Assert.True(decision.Allowed);
        Assert.EndsWith("(rule aggregated from ClusterRole cnpg-view)", decision.Reason);
    }

    [Fact]
    public void MatchExpressionsSelectRoles()
    {
        var selector = new JsonObject
        {
            ["matchExpressions"] = new JsonArray(new JsonObject
            {
                ["key"] = "tier",
                ["operator"] = "In",
                ["values"] = new JsonArray("read", "debug"),
            }),
        };
        var authorizer = Authorizer(
            Aggregated(ClusterRole("monitoring"), selector),
            WithLabel(ClusterRole("logs", Rule([""], ["pods/log"], ["get"])), "tier", "debug"),
            WithLabel(ClusterRole("exec", Rule([""], ["pods/exec"], ["create"])), "tier", "write"));
        Assert.True(authorizer.Allows("ops", "get", "pods/web-0", "app", subresource: "log"));
        Assert.False(authorizer.Allows("ops", "create", "pods/web-0", "app", subresource: "exec"));
    }

    [Fact]
    public void AnAggregatedRoleSelectingItselfAndCyclesTerminate()
    {
        var authorizer = Authorizer(
            WithLabel(Aggregated(ClusterRole("monitoring"), MatchLabels(ToMonitoring, "true")), ToMonitoring, "true"),
            WithLabel(Aggregated(ClusterRole("other"), MatchLabels(ToMonitoring, "true")), ToMonitoring, "true"),
            WithLabel(ClusterRole("pods", Rule([""], ["pods"], ["get"])), ToMonitoring, "true"));
        Assert.True(authorizer.Allows("ops", "get", "pods", "app"));
        Assert.False(authorizer.Allows("ops", "list", "pods", "app"));
    }

    [Fact]
    public void ARoleBindingToAnAggregatedClusterRoleStaysInItsNamespace()
    {
        var authorizer = new RbacAuthorizer(
        [
            Aggregated(ClusterRole("monitoring"), MatchLabels(ToMonitoring, "true")),
            WithLabel(ClusterRole("pods", Rule([""], ["pods"], ["get"])), ToMonitoring, "true"),
            RoleBinding("app", "monitoring", "ClusterRole", "monitoring", User("dev")),
        ]);
        Assert.True(authorizer.Allows("dev", "get", "pods", "app"));
        Assert.False(authorizer.Allows("dev", "get", "pods", "other"));
    }
}
