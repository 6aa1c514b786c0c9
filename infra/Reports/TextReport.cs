namespace PgPlatform.Infra.Reports;

/// <summary>One line per violation: <c>RULE kind/namespace/name field: message. Fix: ... (file:line)</c>.</summary>
public static class TextReport
{
    /// <summary>Writes the report; the summary line goes to <paramref name="summary"/> (an <c>error: </c> line when there are violations, as every failure on stderr is).</summary>
    public static void Write(ViolationReport report, TextWriter output, TextWriter summary)
    {
        foreach (var violation in report.Violations)
        {
            output.WriteLine($"{violation} ({violation.Manifest.Source}:{violation.Line})");
        }

        summary.WriteLine(report.Violations.Count == 0
            ? $"ok: {report.Manifests.Count} objects in {report.Files} files, no violations"
            : $"error: {report.Violations.Count} violation(s) of {report.Violations.Select(v => v.RuleId).Distinct().Count()} rule(s) in {report.Manifests.Count} objects from {report.Files} files");
    }
}
