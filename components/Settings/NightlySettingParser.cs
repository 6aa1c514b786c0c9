using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace PgPlatform.Components.Settings;

/// <summary>
/// Reads <c>pg-platform:nightly</c> (<c>{concurrency?, window?}</c>): the mapping itself or a string holding its JSON,
/// like every structured setting. <c>nightly --concurrency/--window</c> given on the command line win over it.
/// </summary>
public static partial class NightlySettingParser
{
    /// <summary>The most databases a stack may ask to drill at once (each is a cluster of its own, standing for the whole drill).</summary>
    public const int MaxConcurrency = 64;

    private static readonly string[] Fields = ["concurrency", "window"];

    private const string Example = "nightly: {concurrency: 4, window: 6h}";

    /// <summary>Parses the setting read from <paramref name="source"/>; no bounds when <paramref name="node"/> is absent.</summary>
    public static NightlySelection Parse(JsonNode? node, string source)
    {
        if (node is null)
        {
            return new NightlySelection();
        }

        var where = $"'{SettingKeys.Nightly.Key}' in {source}";
        var entry = SettingMapping.Read(node, where, Fields, Example);
        int? concurrency = null;
        if (SettingMapping.Text(entry, "concurrency") is { } text)
        {
            concurrency = int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= MaxConcurrency ? n
                : throw new SettingsException($"{where}: concurrency '{text}' is not a whole number from 1 to {MaxConcurrency}. Fix: write e.g. '{Example}'");
        }

        var window = SettingMapping.Text(entry, "window");
        if (window is not null && !WindowPattern().IsMatch(window))
        {
            throw new SettingsException($"{where}: window '{window}' is not a duration like 6h or 90m (a positive whole number of m or h). Fix: write e.g. '{Example}'");
        }

        return new NightlySelection { Concurrency = concurrency, Window = window };
    }

    [GeneratedRegex("^[1-9][0-9]{0,3}[mh]$", RegexOptions.CultureInvariant)]
    private static partial Regex WindowPattern();
}
