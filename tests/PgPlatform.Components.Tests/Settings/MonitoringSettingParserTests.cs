using System.Text.Json.Nodes;
using PgPlatform.Components.Settings;

namespace PgPlatform.Components.Tests.Settings;

public sealed class MonitoringSettingParserTests
{
    private static MonitoringSelection Parse(string? json) => MonitoringSettingParser.Parse(json is null ? null : JsonNode.Parse(json), "Pulumi.qa.yaml");

    [Fact]
    public void WithoutTheSettingDayZeroInstallsKubePrometheusStack()
    {
        Assert.Equal(new MonitoringSelection { Mode = MonitoringMode.Install, Release = "kube-prometheus-stack", Namespace = "monitoring" }, Parse(null));
    }

    [Fact]
    public void AnExistingStackIsNamedByItsReleaseLabelAndNamespace()
    {
        Assert.Equal(new MonitoringSelection { Mode = MonitoringMode.Existing, Release = "prom", Namespace = "observability" }, Parse("""{"mode": "existing", "release": "prom", "namespace": "observability"}"""));
        Assert.Equal(Parse("""{"mode": "existing", "release": "prom", "namespace": "observability"}"""), Parse("\"{\\\"mode\\\":\\\"existing\\\",\\\"release\\\":\\\"prom\\\",\\\"namespace\\\":\\\"observability\\\"}\""));
        Assert.Equal(new MonitoringSelection { Release = "kps" }, Parse("""{"mode": "install", "release": "kps"}"""));
    }

    [Theory]
    [InlineData("""{"mode": "azure-managed"}""", "azmonitoring.coreos.com")]
    [InlineData("""{"mode": "existing", "release": "prom"}""", "mode existing needs the stack's release label and namespace")]
    [InlineData("""{"mode": "helm"}""", "mode 'helm' is not install or existing")]
    [InlineData("""{"mode": "install", "selector": "x"}""", "unknown field 'selector'")]
    [InlineData("""{"release": "Prom_1"}""", "is not a Helm release name")]
    [InlineData("""{"namespace": "Monitoring"}""", "is not a namespace name")]
    [InlineData("""["install"]""", "is not a mapping")]
    public void BadValuesNameTheSettingTheFileAndTheFix(string json, string expected)
    {
        var e = Assert.Throws<SettingsException>(() => Parse(json));
        Assert.Contains("'pg-platform:monitoring' in Pulumi.qa.yaml", e.Message);
        Assert.Contains(expected, e.Message);
        Assert.Contains("Fix:", e.Message);
    }
}
