using System.Reflection;
using PgPlatform.Components.Versions;

namespace PgPlatform.Components.Tests.Versions;

/// <summary>
/// Issue 11, item 4: every pinned chart runs the application version it ships. The table holds the chart -> app
/// versions verified against each chart's <c>Chart.yaml</c> (<c>appVersion</c>); a pin that is not in it, or whose
/// app version disagrees, fails until the new pair is verified and added with its source.
/// </summary>
public sealed class HelmChartsTests
{
    private static readonly Dictionary<(string Chart, string Version), string> Verified = new()
    {
        // jetstack/cert-manager: chart version = app version; v1.19.2 carries CVE fixes over v1.19.1 (issue 11, item 4).
        [("cert-manager", "v1.19.2")] = "v1.19.2",
        // cloudnative-pg/charts charts/cloudnative-pg/Chart.yaml 0.29.0: appVersion 1.30.0 (issue 11, item 4).
        [("cloudnative-pg", "0.29.0")] = "1.30.0",
        // cloudnative-pg/charts charts/plugin-barman-cloud/Chart.yaml 0.7.0: appVersion v0.13.0, the newest chart (issue 11, item 4).
        [("plugin-barman-cloud", "0.7.0")] = "v0.13.0",
        // external-secrets/external-secrets deploy/charts/external-secrets/Chart.yaml 2.9.0: appVersion v2.9.0 (issue 11, item 4).
        [("external-secrets", "2.9.0")] = "v2.9.0",
        // argoproj/argo-helm charts/argo-cd/Chart.yaml 10.0.0 to 10.1.1: appVersion v3.4.4 (issue 11, item 4).
        [("argo-cd", "10.0.0")] = "v3.4.4",
        [("argo-cd", "10.1.1")] = "v3.4.4",
        // prometheus-community/helm-charts charts/kube-prometheus-stack 88.5.x: prometheus-operator v0.93.1 (issue 11, item 1).
        [("kube-prometheus-stack", "88.5.0")] = "v0.93.1",
    };

    public static TheoryData<string> Pins => new(AllPins().Select(p => p.Field));

    private static IEnumerable<(string Field, HelmChart Chart)> AllPins() =>
        typeof(HelmCharts).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(HelmChart))
            .Select(f => (f.Name, (HelmChart)f.GetValue(null)!));

    [Theory]
    [MemberData(nameof(Pins))]
    public void EveryPinnedChartShipsTheAppVersionItDeclares(string field)
    {
        var chart = AllPins().Single(p => p.Field == field).Chart;
        Assert.True(Verified.TryGetValue((chart.Chart, chart.Version), out var ships),
            $"HelmCharts.{field}: chart {chart.Chart} {chart.Version} is not a verified pair; check its Chart.yaml appVersion and add it to the table with its source");
        Assert.True(ships == chart.AppVersion, $"HelmCharts.{field}: chart {chart.Chart} {chart.Version} ships {ships}, not the declared {chart.AppVersion}");
    }

    [Fact]
    public void AMismatchedPinIsCaught()
    {
        var split = new HelmChart("https://cloudnative-pg.github.io/charts", "plugin-barman-cloud", "0.6.0", "v0.14.0");
        Assert.False(Verified.TryGetValue((split.Chart, split.Version), out var ships) && ships == split.AppVersion);
        var wrongApp = HelmCharts.ArgoCd with { AppVersion = "v3.5.1" };
        Assert.NotEqual(Verified[(wrongApp.Chart, wrongApp.Version)], wrongApp.AppVersion);
    }
}
