using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PgPlatform.Testing.Yaml;

/// <summary>
/// Converts YAML text to <see cref="JsonNode"/> trees the way a Kubernetes or Pulumi reader would see
/// the data, using YAML 1.2 core-schema rules: only plain (unquoted) scalars are typed, so
/// <c>"3"</c> stays a string while <c>3</c> becomes a number; only <c>true</c>/<c>false</c> are booleans
/// (YAML 1.1's <c>yes</c>/<c>on</c> stay strings); <c>null</c>, <c>~</c> and empty values become null.
/// Anchors, aliases and <c>&lt;&lt;</c> merge keys are resolved; a key repeated in one mapping is an error.
/// </summary>
public static class YamlJson
{
    // An alias may point back at its own ancestor; without a bound such a document would recurse forever.
    private const int MaxDepth = 512;

    /// <summary>Parses a YAML text holding at most one document.</summary>
    /// <param name="yaml">The YAML text.</param>
    /// <returns>The document as JSON, or null for an empty text or a document that is null.</returns>
    /// <exception cref="InvalidDataException">The text holds more than one document, or is not valid YAML.</exception>
    public static JsonNode? ParseDocument(string yaml)
    {
        var documents = ParseDocuments(yaml);
        return documents.Count switch
        {
            0 => null,
            1 => documents[0],
            _ => throw new InvalidDataException(
                $"Expected a single YAML document but found {documents.Count}; use {nameof(ParseDocuments)} for a stream."),
        };
    }

    /// <summary>Parses a multi-document YAML stream (documents separated by <c>---</c>).</summary>
    /// <param name="yaml">The YAML text.</param>
    /// <returns>One entry per document, in order; an empty document gives a null entry.</returns>
    /// <exception cref="InvalidDataException">The text is not valid YAML.</exception>
    public static IReadOnlyList<JsonNode?> ParseDocuments(string yaml)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var stream = new YamlStream();
        try
        {
            using var reader = new StringReader(yaml);
            stream.Load(new Parser(reader));
        }
        catch (YamlException ex)
        {
            throw new InvalidDataException($"Invalid YAML at line {ex.Start.Line}, column {ex.Start.Column}: {ex.Message}", ex);
        }

        return stream.Documents.Select(d => Convert(d.RootNode, 0)).ToList();
    }

    private static JsonObject ConvertMapping(YamlMappingNode mapping, int depth)
    {
        var obj = new JsonObject();
        var merges = new List<YamlNode>();
        foreach (var (key, value) in mapping.Children)
        {
            if (key is not YamlScalarNode keyScalar)
            {
                throw new InvalidDataException($"Only scalar mapping keys can be converted to JSON (at {key.Start}).");
            }

            if (keyScalar is { Value: "<<", Style: ScalarStyle.Plain, Tag.IsEmpty: true })
            {
                merges.Add(value);
                continue;
            }

            var name = keyScalar.Value ?? string.Empty;
            if (obj.ContainsKey(name))
            {
                throw new InvalidDataException($"Duplicate key '{name}' at {key.Start}.");
            }

            obj[name] = Convert(value, depth + 1);
        }

        // Merge keys (<<) fill in only what the mapping does not set itself; among several merged
        // mappings the first one listed wins. YamlDotNet's MergingParser instead reports an
        // overridden key as a duplicate, so merges are resolved here.
        foreach (var source in merges.SelectMany(m => m is YamlSequenceNode list ? list.Children : [m]))
        {
            if (source is not YamlMappingNode sourceMapping)
            {
                throw new InvalidDataException($"A merge key (<<) must refer to a mapping or a list of mappings (at {source.Start}).");
            }

            foreach (var (name, value) in ConvertMapping(sourceMapping, depth + 1))
            {
                if (!obj.ContainsKey(name))
                {
                    obj[name] = value?.DeepClone();
                }
            }
        }

        return obj;
    }

    private static JsonNode? Convert(YamlNode node, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new InvalidDataException($"YAML nesting deeper than {MaxDepth} levels (a recursive alias?) at {node.Start}.");
        }

        switch (node)
        {
            case YamlScalarNode scalar:
                return YamlScalars.ToJson(scalar);
            case YamlSequenceNode sequence:
                var array = new JsonArray();
                foreach (var child in sequence.Children)
                {
                    array.Add(Convert(child, depth + 1));
                }

                return array;
            case YamlMappingNode mapping:
                return ConvertMapping(mapping, depth);
            default:
                throw new InvalidDataException($"Unsupported YAML node {node.NodeType} at {node.Start}.");
        }
    }
}
