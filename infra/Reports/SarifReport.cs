using System.Text.Json;
using System.Text.Json.Nodes;

namespace PgPlatform.Infra.Reports;

/// <summary>The report as SARIF 2.1.0, which code-scanning UIs show inline on the offending file and line.</summary>
public static class SarifReport
{
    /// <summary>The report as a SARIF log.</summary>
    public static string Render(ViolationReport report)
    {
        var rules = report.Rules.ToList();
        var driverRules = new JsonArray(rules.Select(r => (JsonNode)new JsonObject
        {
            ["id"] = r.Id,
            ["name"] = r.GetType().Name.Replace("Rule", "", StringComparison.Ordinal),
            ["shortDescription"] = new JsonObject { ["text"] = r.Title },
            ["properties"] = new JsonObject { ["admission"] = r.Cel is not null },
        }).ToArray());
        var results = new JsonArray(report.Violations.Select(v => (JsonNode)new JsonObject
        {
            ["ruleId"] = v.RuleId,
            ["ruleIndex"] = rules.FindIndex(r => r.Id == v.RuleId),
            ["level"] = "error",
            ["message"] = new JsonObject { ["text"] = $"{v.Manifest.Reference} {v.Field}: {v.Message}. Fix: {v.Fix}" },
            ["locations"] = new JsonArray(new JsonObject
            {
                ["physicalLocation"] = new JsonObject
                {
                    ["artifactLocation"] = new JsonObject { ["uri"] = v.Manifest.Source },
                    ["region"] = new JsonObject { ["startLine"] = Math.Max(v.Line, 1) },
                },
                ["logicalLocations"] = new JsonArray(new JsonObject { ["fullyQualifiedName"] = $"{v.Manifest.Reference}/{v.Field}", ["kind"] = "object" }),
            }),
        }).ToArray());
        var log = new JsonObject
        {
            ["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json",
            ["version"] = "2.1.0",
            ["runs"] = new JsonArray(new JsonObject
            {
                ["tool"] = new JsonObject { ["driver"] = new JsonObject { ["name"] = "pg-platform", ["rules"] = driverRules } },
                ["results"] = results,
            }),
        };
        return log.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }
}
