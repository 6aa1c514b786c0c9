using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using PgPlatform.Stacks.Evidence;

namespace PgPlatform.Stacks.Nightly.EvidenceStore;

/// <summary>An evidence record as stored: JSON for machines (camelCase), Markdown for people.</summary>
public static class EvidenceRecordFormat
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        NewLine = "\n",
    };

    /// <summary>The record as JSON.</summary>
    public static string ToJson(EvidenceRecord record) => JsonSerializer.Serialize(record, Json) + "\n";

    /// <summary>Reads JSON written by <see cref="ToJson"/>.</summary>
    public static EvidenceRecord FromJson(string json) => JsonSerializer.Deserialize<EvidenceRecord>(json, Json) ?? throw new FormatException("empty evidence record");

    /// <summary>The record as Markdown: which run, the verdict, then the drills' evidence in full.</summary>
    public static string ToMarkdown(EvidenceRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var md = new StringBuilder();
        md.Append(CultureInfo.InvariantCulture, $"# {record.Application} ({record.Stack}): {(record.Passed ? "PASSED" : "FAILED")}\n\n");
        md.Append(CultureInfo.InvariantCulture, $"Nightly run {record.RunId}, started {record.StartedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture)}, took {record.DurationSeconds:F0} s.\n\n");
        if (record.Error is { } error)
        {
            md.Append(CultureInfo.InvariantCulture, $"**Error**: {error}\n\n");
        }

        if (record.Run is { } run)
        {
            // One level down: the run's own title becomes a section of this record.
            md.Append(EvidenceWriter.ToMarkdown(run).Replace("\n#", "\n##", StringComparison.Ordinal).Insert(0, "#"));
        }

        return md.ToString();
    }
}
