using PgPlatform.Components.Settings;
using PgPlatform.Components.Versions;
using PgPlatform.Components.Vocabulary;

namespace PgPlatform.Infra.Tests.ProductionPath;

/// <summary>
/// Issue 11, item 1: PodMonitors and PrometheusRules need prometheus-operator's CRDs and a Prometheus that selects
/// them. On every stack's program, each such object is applied after the release that installs the CRDs (or the
/// stack names an existing monitoring stack and installs none), carries that stack's selector label, and the
/// database NetworkPolicies admit scrapes from its namespace.
/// </summary>
public sealed class MonitoringPrerequisiteTests
{
    public static TheoryData<string> Stacks => StackPrograms.Names;

    private static bool Installs(StackProgram program) =>
        program.Settings.Tier.DeploysFoundation && program.Settings.Monitoring.Mode == MonitoringMode.Install;

    private static IEnumerable<(string Name, System.Text.Json.Nodes.JsonObject Resource)> MonitoringReleases(StackProgram program) =>
        program.Resources.Where(r => (string?)r.Resource["type"] == "kubernetes:helm.sh/v3:Release" && (string?)r.Resource["properties"]!["chart"] == HelmCharts.KubePrometheusStack.Chart);

    [Theory]
    [MemberData(nameof(Stacks))]
    public void MonitoringObjectsWaitForTheReleaseThatInstallsTheirCrds(string stack)
    {
        var program = StackPrograms.Of(stack);
        var releases = MonitoringReleases(program).ToList();
        if (!Installs(program))
        {
            // Ephemeral stacks deploy no foundation: they rely on the base environment's monitoring stack.
            Assert.Empty(releases);
            return;
        }

        var (release, resource) = Assert.Single(releases);
        Assert.Equal(program.Settings.Monitoring.Release, (string?)resource["properties"]!["name"]);
        Assert.Equal(program.Settings.Monitoring.Namespace, (string?)resource["properties"]!["namespace"]);
        Assert.Equal(HelmCharts.KubePrometheusStack.Version, (string?)resource["properties"]!["version"]);
        var groups = program.ConfigGroups.Where(g => g.Objects.Any(o => (string?)o["apiVersion"] == MonitoringApi.ApiVersion)).ToList();
        Assert.NotEmpty(groups);
        Assert.All(groups, g => Assert.True(StackProgram.DependsOn(g.Resource).Contains(release), $"{stack}: ConfigGroup {g.Name} applies monitoring.coreos.com objects without waiting for {release}"));
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void EveryPodMonitorAndPrometheusRuleCarriesTheSelectorLabel(string stack)
    {
        var program = StackPrograms.Of(stack);
        var objects = program.Objects.Where(o => (string?)o["apiVersion"] == MonitoringApi.ApiVersion).ToList();
        Assert.NotEmpty(objects);
        Assert.All(objects, o => Assert.Equal(program.Settings.Monitoring.Release, (string?)o["metadata"]!["labels"]![MonitoringApi.ReleaseSelectorLabel]));
        Assert.Contains(objects, o => (string?)o["kind"] == MonitoringApi.PodMonitorKind);
        Assert.Contains(objects, o => (string?)o["kind"] == MonitoringApi.PrometheusRuleKind);
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void DatabaseNetworkPoliciesAdmitScrapesFromTheMonitoringNamespace(string stack)
    {
        var program = StackPrograms.Of(stack);
        var policies = program.OfKind("NetworkPolicy").ToList();
        Assert.NotEmpty(policies);
        foreach (var policy in policies)
        {
            var admitted = policy["spec"]!["ingress"]!.AsArray()
                .SelectMany(rule => rule!["from"]!.AsArray())
                .Select(peer => (string?)peer!["namespaceSelector"]?["matchLabels"]?["kubernetes.io/metadata.name"]);
            Assert.Contains(program.Settings.Monitoring.Namespace, admitted);
        }
    }
}
