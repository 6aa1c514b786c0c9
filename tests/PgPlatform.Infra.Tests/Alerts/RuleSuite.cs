using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace PgPlatform.Infra.Tests.Alerts;

/// <summary>
/// One hand-written <c>promtool test rules</c> file of <c>Alerts/suites</c>, read for what it proves: which alerts it
/// expects to fire or to stay silent, and with which metrics absent from the input.
/// </summary>
public sealed partial class RuleSuite
{
    private RuleSuite(string name, IReadOnlyList<SuiteCase> cases) => (Name, Cases) = (name, cases);

    /// <summary>File name of the suite.</summary>
    public string Name { get; }

    /// <summary>Every <c>alert_rule_test</c> entry of every test group.</summary>
    public IReadOnlyList<SuiteCase> Cases { get; }

    /// <summary>Reads <paramref name="text"/> (placeholders already replaced or not: only alert and metric names matter).</summary>
    public static RuleSuite Parse(string name, string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var cases = new List<SuiteCase>();
        foreach (var group in ((YamlSequenceNode)root["tests"]).Cast<YamlMappingNode>())
        {
            var metrics = ((YamlSequenceNode)group["input_series"]).Cast<YamlMappingNode>()
                .Select(s => MetricName(((YamlScalarNode)s["series"]).Value!)).ToHashSet(StringComparer.Ordinal);
            foreach (var test in ((YamlSequenceNode)group["alert_rule_test"]).Cast<YamlMappingNode>())
            {
                var fires = ((YamlSequenceNode)test["exp_alerts"]).Children.Count > 0;
                cases.Add(new SuiteCase(((YamlScalarNode)test["alertname"]).Value!, fires, metrics));
            }
        }

        return new RuleSuite(name, cases);
    }

    /// <summary>The metric names a PromQL expression selects (every <c>name{...}</c>).</summary>
    public static IEnumerable<string> MetricsOf(string expr) => Selector().Matches(expr).Select(m => m.Groups[1].Value).Distinct();

    /// <summary>
    /// The exporter a metric comes from, by its prefix (cnpg, barman, kubelet, kube, certmanager, externalsecret); a
    /// PodMonitor target's <c>up</c> belongs to the CNPG instance it scrapes.
    /// </summary>
    public static string Exporter(string metric) => metric == "up" ? "cnpg" : metric.Split('_')[0];

    private static string MetricName(string series) => series.Split('{')[0].Trim();

    [GeneratedRegex(@"([a-zA-Z_:][a-zA-Z0-9_:]*)\{")]
    private static partial Regex Selector();
}
