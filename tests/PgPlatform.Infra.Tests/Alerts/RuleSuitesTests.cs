using System.Text.Json.Nodes;
using PgPlatform.Components.Serialization;
using PgPlatform.Components.Tiers;
using PgPlatform.Infra.Tests.Commands;
using PgPlatform.Testing.Prometheus;

namespace PgPlatform.Infra.Tests.Alerts;

/// <summary>
/// The synthesized rules of each stack under <c>promtool test rules</c>: the hand-written suites of
/// <c>Alerts/suites</c> (series in, alerts with their labels and rendered annotations out) run against the rule
/// files the stack deploys, and every alert of those files must have a must-fire and a must-stay-silent case, and
/// every metric an alert reads a case where it is absent and something still fires.
/// </summary>
public sealed class RuleSuitesTests : IDisposable
{
    /// <summary>The database whose rules the suites exercise; every other database's rules must have the same alerts.</summary>
    private const string Database = "linkding";

    /// <summary>Suites about standbys: a one-instance cluster has none of their rules.</summary>
    private const string ReplicaSuite = "replicas.yaml";

    private static readonly string SuitesDir = Path.Combine(AppContext.BaseDirectory, "Alerts", "suites");

    private readonly string _dir = Directory.CreateTempSubdirectory("pgp-suites-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void TheSuitesPassPromtoolTestRulesAgainstTheSynthesizedRules(string stack)
    {
        var suites = Prepare(stack).Files;

        var result = PromTool.TestRules([.. suites]);

        Assert.True(result.Succeeded, result.ToString());
        Assert.All(suites, s => Assert.Contains($"Unit Testing:  {s}", result.Output, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void EveryAlertHasAMustFireAndAMustStaySilentCase(string stack)
    {
        var prepared = Prepare(stack);
        var cases = prepared.Suites.SelectMany(s => s.Cases).ToList();

        var untested = prepared.Alerts.Keys
            .SelectMany(a => new[] { (a, fires: true), (a, fires: false) })
            .Where(x => !cases.Any(c => c.Alert == x.a && c.Fires == x.fires))
            .Select(x => $"{x.a} ({(x.fires ? "must fire" : "must stay silent")})")
            .ToList();

        Assert.True(untested.Count == 0, $"alerts of {stack} without a case in Alerts/suites: {string.Join(", ", untested)}");
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void EveryMetricAnAlertReadsHasAnAbsentCaseThatStillAlerts(string stack)
    {
        var prepared = Prepare(stack);
        var firing = prepared.Suites.SelectMany(s => s.Cases).Where(c => c.Fires).ToList();

        // A metric goes absent with its exporter, so the case drops every metric of that exporter and the alert that
        // fires must itself watch that exporter: an unrelated alert firing in the same case proves nothing.
        var blind = prepared.Alerts.Values.SelectMany(RuleSuite.MetricsOf).Distinct()
            .Where(m => !firing.Any(c =>
                c.InputMetrics.All(i => RuleSuite.Exporter(i) != RuleSuite.Exporter(m))
                && RuleSuite.MetricsOf(prepared.Alerts[c.Alert]).Any(r => RuleSuite.Exporter(r) == RuleSuite.Exporter(m))))
            .ToList();

        Assert.True(blind.Count == 0, $"no suite shows an alert firing while these metrics are absent: {string.Join(", ", blind)}");
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void EveryDatabaseOfTheStackGetsTheAlertsTheSuitesExercise(string stack)
    {
        var rules = PrometheusRules(stack).Where(r => (string?)r["metadata"]!["name"] != "pg-platform-fleet").ToList();
        var exercised = AlertNames(rules.Single(r => (string?)r["metadata"]!["name"] == $"{Database}-db-alerts"));

        Assert.True(rules.Count > 1);
        Assert.All(rules, r => Assert.Equal(exercised, AlertNames(r)));
    }

    [Fact]
    public void PromtoolComparesTheRenderedAnnotationsSoAWrongExpectationFails()
    {
        var prepared = Prepare("prod");
        var offline = prepared.Files.Single(f => Path.GetFileName(f) == "offline.yaml");
        File.WriteAllText(offline, File.ReadAllText(offline).Replace("is offline\"", "is fine\"", StringComparison.Ordinal));

        var result = PromTool.TestRules(offline);

        Assert.False(result.Succeeded, result.ToString());
    }

    /// <summary>Writes the stack's rule files under <c>rules/</c> and its suites, placeholders replaced, beside them.</summary>
    private Prepared Prepare(string stack)
    {
        var dir = Directory.CreateDirectory(Path.Combine(_dir, stack)).FullName;
        Directory.CreateDirectory(Path.Combine(dir, "rules"));
        var rules = PrometheusRules(stack);
        var database = rules.Single(r => (string?)r["metadata"]!["name"] == $"{Database}-db-alerts");
        var fleet = rules.Single(r => (string?)r["metadata"]!["name"] == "pg-platform-fleet");
        File.WriteAllBytes(Path.Combine(dir, "rules", "database.yaml"), YamlWriter.WriteUtf8(database["spec"]!.DeepClone().AsObject()));
        File.WriteAllBytes(Path.Combine(dir, "rules", "fleet.yaml"), YamlWriter.WriteUtf8(fleet["spec"]!.DeepClone().AsObject()));

        var cluster = SynthesizedRepository.DeliveredObjects(stack).Single(o => (string?)o["kind"] == "Cluster" && (string?)o["metadata"]!["name"] == $"{Database}-db");
        var instances = (int?)cluster["spec"]!["instances"] ?? 1;
        var tier = (string)database["metadata"]!["labels"]!["pg-platform.io/tier"]!;
        var values = new Dictionary<string, string>
        {
            ["ns"] = (string)database["metadata"]!["namespace"]!,
            ["tier"] = tier,
            ["page"] = TierProfiles.All.Single(p => p.Name == tier).AlertSeverity,
            ["env"] = (string)fleet["metadata"]!["labels"]!["pg-platform.io/environment"]!,
            ["instances"] = instances.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };

        var files = new List<string>();
        var suites = new List<RuleSuite>();
        foreach (var source in Directory.GetFiles(SuitesDir, "*.yaml").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(source);
            if (name == ReplicaSuite && instances == 1)
            {
                continue;
            }

            var text = values.Aggregate(File.ReadAllText(source), (t, v) => t.Replace("${" + v.Key + "}", v.Value, StringComparison.Ordinal));
            var path = Path.Combine(dir, name);
            File.WriteAllText(path, text);
            files.Add(path);
            suites.Add(RuleSuite.Parse(name, text));
        }

        var alerts = new[] { database, fleet }
            .SelectMany(r => r["spec"]!["groups"]!.AsArray().SelectMany(g => g!["rules"]!.AsArray()))
            .ToDictionary(r => (string)r!["alert"]!, r => (string)r!["expr"]!);
        return new Prepared(files, suites, alerts);
    }

    private List<JsonObject> PrometheusRules(string stack) => [.. SynthesizedRepository.DeliveredObjects(stack).Where(o => (string?)o["kind"] == "PrometheusRule")];

    private static List<string> AlertNames(JsonObject rule) =>
        [.. rule["spec"]!["groups"]!.AsArray().SelectMany(g => g!["rules"]!.AsArray()).Select(r => (string)r!["alert"]!)];

    /// <summary>Suite files written for a stack, what they contain, and the alerts (name to expression) they run against.</summary>
    private sealed record Prepared(IReadOnlyList<string> Files, IReadOnlyList<RuleSuite> Suites, IReadOnlyDictionary<string, string> Alerts);
}
