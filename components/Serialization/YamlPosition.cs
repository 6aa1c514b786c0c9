using System.Text.RegularExpressions;

namespace PgPlatform.Components.Serialization;

/// <summary>
/// Where a YAML node and its fields start, so that a finding can point at the offending field's line rather than
/// its object's first line. Built on demand (<see cref="YamlPositions"/>) only for files that have findings.
/// </summary>
public sealed partial class YamlPosition(int line)
{
    /// <summary>1-based line the node starts on (for a mapping entry: its key's line).</summary>
    public int Line { get; } = line;

    /// <summary>A mapping's entries by key, or null.</summary>
    public Dictionary<string, YamlPosition>? Keys { get; set; }

    /// <summary>A sequence's items, or null.</summary>
    public List<YamlPosition>? Items { get; set; }

    /// <summary>
    /// The line of <paramref name="field"/>, a path like <c>spec.containers[0].env[2].value</c> or
    /// <c>metadata.labels['app.kubernetes.io/name']</c>: the deepest part of the path that exists (a field that is
    /// missing points at its parent). A name segment applied to a sequence looks in its first item that has it.
    /// </summary>
    public int LineOf(string field)
    {
        var node = this;
        foreach (Match segment in SegmentPattern().Matches(field))
        {
            var next = segment.Groups["index"].Success ? Item(node, int.Parse(segment.Groups["index"].Value, System.Globalization.CultureInfo.InvariantCulture))
                : Key(node, segment.Groups["quoted"].Success ? segment.Groups["quoted"].Value : segment.Groups["name"].Success ? segment.Groups["name"].Value : segment.Groups["bare"].Value);
            if (next is null)
            {
                break;
            }

            node = next;
        }

        return node.Line;
    }

    private static YamlPosition? Item(YamlPosition node, int index) =>
        node.Items is { } items && index >= 0 && index < items.Count ? items[index]
        : node.Keys is not null ? Key(node, index.ToString(System.Globalization.CultureInfo.InvariantCulture)) : null;

    private static YamlPosition? Key(YamlPosition node, string key) =>
        node.Keys?.GetValueOrDefault(key) ?? node.Items?.Select(i => i.Keys?.GetValueOrDefault(key)).FirstOrDefault(k => k is not null);

    [GeneratedRegex(@"\[(?:(?<index>\d+)|'(?<quoted>[^']*)'|(?<bare>[^\]]*))\]|(?<name>[^.\[\]]+)")]
    private static partial Regex SegmentPattern();
}
