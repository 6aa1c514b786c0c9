using System.Text.Json;
using System.Text.Json.Nodes;

namespace PgPlatform.Infra.Reports;

/// <summary>The report as one JSON document, for scripts.</summary>
public static class JsonReport
{
    /// <summary>The report as indented JSON.</summary>
    public static string Render(ViolationReport report)
    {
        var violations = new JsonArray(report.Violations.Select(v => (JsonNode)new JsonObject
        {
            ["rule"] = v.RuleId,
            ["title"] = v.Title,
            ["kind"] = v.Manifest.Kind,
            ["namespace"] = v.Manifest.Namespace,
            ["name"] = v.Manifest.Name,
            ["field"] = v.Field,
            ["message"] = v.Message,
            ["fix"] = v.Fix,
            ["file"] = v.Manifest.Source,
            ["line"] = v.Line,
        }).ToArray());
        var root = new JsonObject { ["objects"] = report.Manifests.Count, ["files"] = report.Files, ["violations"] = violations };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }
}
