using System.Text.Json.Nodes;
using PgPlatform.Components.Serialization;
using PgPlatform.Infra.Tests.Commands;
using PgPlatform.Testing.Prometheus;

namespace PgPlatform.Infra.Tests.Alerts;

/// <summary>Every PrometheusRule a stack deploys, as the rule file Prometheus would load, judged by promtool.</summary>
public sealed class RuleFilesTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("pgp-rules-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void EverySynthesizedRuleFilePassesPromtoolCheckRules(string stack)
    {
        var files = RuleFiles(stack);

        Assert.NotEmpty(files);
        var result = PromTool.CheckRules([.. files]);
        Assert.True(result.Succeeded, result.ToString());
        Assert.All(files, f => Assert.Contains($"Checking {f}", result.Output, StringComparison.Ordinal));
    }

    [Fact]
    public void PromtoolRejectsABrokenRuleFileSoTheCheckIsNotSilentlyPassing()
    {
        var file = Path.Combine(_dir, "broken.yaml");
        File.WriteAllText(file, "groups:\n- name: broken\n  rules:\n  - alert: Broken\n    expr: sum(rate(x[5m]) by\n");

        var result = PromTool.CheckRules(file);

        Assert.False(result.Succeeded, result.ToString());
    }

    /// <summary>One rule file per PrometheusRule <paramref name="stack"/> delivers: its <c>spec</c> is the file's content.</summary>
    private List<string> RuleFiles(string stack)
    {
        var files = new List<string>();
        foreach (var rule in SynthesizedRepository.DeliveredObjects(stack).Where(o => (string?)o["kind"] == "PrometheusRule"))
        {
            var name = $"{stack}-{(string?)rule["metadata"]!["namespace"] ?? "cluster"}-{(string?)rule["metadata"]!["name"]}.yaml";
            var path = Path.Combine(_dir, name);
            File.WriteAllBytes(path, YamlWriter.WriteUtf8(rule["spec"]!.DeepClone().AsObject()));
            files.Add(path);
        }

        return files;
    }
}
