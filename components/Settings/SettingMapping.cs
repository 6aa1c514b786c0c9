using System.Text.Json;
using System.Text.Json.Nodes;

namespace PgPlatform.Components.Settings;

/// <summary>
/// A structured setting value (a YAML mapping in a stack file, or its JSON text in <c>PULUMI_CONFIG</c>, where Pulumi
/// passes structured values as strings) read as a mapping of known fields, with errors naming where and how to fix.
/// </summary>
public static class SettingMapping
{
    /// <summary>
    /// <paramref name="node"/> as a mapping whose fields are all in <paramref name="fields"/>; a
    /// <see cref="SettingsException"/> naming <paramref name="where"/> and <paramref name="example"/> otherwise.
    /// </summary>
    public static JsonObject Read(JsonNode node, string where, IReadOnlyCollection<string> fields, string example)
    {
        if (node is JsonValue text && text.TryGetValue<string>(out var json))
        {
            try
            {
                node = JsonNode.Parse(json)!;
            }
            catch (JsonException)
            {
                throw new SettingsException($"{where} is not a mapping. Fix: write e.g. '{example}'");
            }
        }

        if (node is not JsonObject entry)
        {
            throw new SettingsException($"{where} is not a mapping. Fix: write e.g. '{example}'");
        }

        var unknown = entry.Select(p => p.Key).FirstOrDefault(k => !fields.Contains(k));
        return unknown is null
            ? entry
            : throw new SettingsException($"{where} has unknown field '{unknown}'. Fix: use only {string.Join(", ", fields)}, e.g. '{example}'");
    }

    /// <summary>Field <paramref name="field"/> of <paramref name="entry"/> as text (a non-string value as its JSON), or null when absent.</summary>
    public static string? Text(JsonObject entry, string field) =>
        entry[field] is { } v ? v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : v.ToJsonString() : null;
}
