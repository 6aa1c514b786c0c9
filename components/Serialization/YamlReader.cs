using System.Text.Json;
using System.Text.Json.Nodes;

namespace PgPlatform.Components.Serialization;

/// <summary>
/// Reads YAML documents into JSON with YAML 1.2 core-schema typing (<see cref="YamlPlainScalar"/>): plain
/// <c>true</c>/<c>false</c> are booleans, plain numbers are numbers, plain <c>null</c>, <c>~</c> and empty are null,
/// anything quoted is a string. Parser events are written straight to UTF-8 JSON (<see cref="YamlJsonBuilder"/>,
/// no intermediate tree), since <c>check</c> reads tens of thousands of manifests; a large multi-document stream is
/// cut at document markers and its parts read on every core (<see cref="YamlStreamParts"/>), the documents kept in
/// order. Malformed YAML raises <see cref="YamlFormatException"/> with line and column, a breached limit
/// <see cref="YamlLimitException"/>: both always from a reading of the whole stream in one piece, so errors do not
/// depend on how it was cut.
/// </summary>
public static class YamlReader
{
    /// <summary>Every document of a (multi-document) YAML stream as parsed JSON, read within <paramref name="limits"/> (default: <see cref="YamlLimits.Manifests"/>).</summary>
    public static IReadOnlyList<YamlDocumentElement> ReadElements(string text, YamlLimits? limits = null)
    {
        limits ??= YamlLimits.Manifests;
        if (text.Length >= YamlStreamParts.MinimumLength && Environment.ProcessorCount > 1)
        {
            var parts = YamlStreamParts.Cut(text, Environment.ProcessorCount * 2);
            if (parts.Count > 1 && ReadParts(text, parts, limits) is { } documents)
            {
                return documents;
            }
        }

        return new YamlJsonBuilder(limits).ReadStream(new StringReader(text));
    }

    /// <summary>Every document of a (multi-document) YAML stream as a JSON tree, read within <paramref name="limits"/> (default: <see cref="YamlLimits.Manifests"/>).</summary>
    public static IReadOnlyList<YamlDocumentNode> ReadDocuments(string text, YamlLimits? limits = null)
    {
        var options = new JsonDocumentOptions { MaxDepth = (limits ?? YamlLimits.Manifests).MaxDepth + 1 };
        return ReadElements(text, limits).Select(d => new YamlDocumentNode(d.Line, JsonNode.Parse(d.Element.GetRawText(), documentOptions: options))).ToList();
    }

    /// <summary>The first document, or null when the text holds none.</summary>
    public static JsonNode? Read(string text, YamlLimits? limits = null) => ReadDocuments(text, limits).FirstOrDefault()?.Node;

    // The parts read side by side, or null when any part fails or the parts together break a per-file limit: the
    // caller then reads the whole stream in one piece, which fails at the right place with the right message.
    private static List<YamlDocumentElement>? ReadParts(string text, List<YamlStreamParts.Part> parts, YamlLimits limits)
    {
        var read = new List<YamlDocumentElement>?[parts.Count];
        var nodes = new long[parts.Count];
        var aliasNodes = new long[parts.Count];
        Parallel.For(0, parts.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var builder = new YamlJsonBuilder(limits, parts[i].LineOffset);
            try
            {
                read[i] = builder.ReadStream(new TextSliceReader(text.AsMemory(parts[i].Start, parts[i].Length)));
            }
            catch (YamlFormatException)
            {
                read[i] = null;
            }

            nodes[i] = builder.Nodes;
            aliasNodes[i] = builder.AliasNodes;
        });

        if (read.Any(r => r is null) || nodes.Sum() > limits.MaxNodes || aliasNodes.Sum() > limits.MaxAliasNodes)
        {
            return null;
        }

        return read.SelectMany(r => r!).ToList();
    }
}
