using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace PgPlatform.Components.Serialization;

/// <summary>
/// Reads YAML documents into JSON trees with YAML 1.2 core-schema typing: plain <c>true</c>/<c>false</c>
/// are booleans, plain numbers are numbers, plain <c>null</c>, <c>~</c> and empty are null, anything
/// quoted is a string. Reads parser events straight into the tree (no intermediate representation),
/// since <c>check</c> reads thousands of manifests. Malformed YAML raises <see cref="YamlFormatException"/>
/// with line and column.
/// </summary>
public static partial class YamlReader
{
    /// <summary>Every document of a (multi-document) YAML stream, read within <paramref name="limits"/> (default: <see cref="YamlLimits.Manifests"/>).</summary>
    public static IReadOnlyList<YamlDocumentNode> ReadDocuments(string text, YamlLimits? limits = null)
    {
        var parser = new Parser(new StringReader(text));
        var documents = new List<YamlDocumentNode>();
        var state = new ReadState(limits ?? YamlLimits.Manifests);
        try
        {
            parser.Consume<StreamStart>();
            while (parser.TryConsume<DocumentStart>(out _))
            {
                state.Anchors.Clear();
                var line = (int)parser.Current!.Start.Line;
                var node = ReadNode(parser, state, 1).Node;
                parser.Consume<DocumentEnd>();
                documents.Add(new YamlDocumentNode(line, node));
            }

            parser.Consume<StreamEnd>();
        }
        catch (YamlException e)
        {
            throw new YamlFormatException(e.Start.Line, e.Start.Column, Innermost(e).Message);
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner fails this way on some unterminated constructs, without a position.
            throw new YamlFormatException(state.Last.Line, state.Last.Column, "malformed YAML after this point (an unterminated quote, bracket or brace?)");
        }

        return documents;
    }

    /// <summary>The first document, or null when the text holds none.</summary>
    public static JsonNode? Read(string text, YamlLimits? limits = null) => ReadDocuments(text, limits).FirstOrDefault()?.Node;

    private static Exception Innermost(Exception e) => e.InnerException is YamlException inner ? Innermost(inner) : e;

    /// <summary>What one read has used of its limits, and the anchors of the current document.</summary>
    private sealed class ReadState(YamlLimits limits)
    {
        public YamlLimits Limits { get; } = limits;

        public Dictionary<string, Parsed> Anchors { get; } = new(StringComparer.Ordinal);

        public Mark Last { get; set; } = new(0, 1, 1);

        public long Nodes { get; set; }

        public long AliasNodes { get; set; }
    }

    /// <summary>A node read, with how many nodes it holds and how deep it nests below itself.</summary>
    private readonly record struct Parsed(JsonNode? Node, long Count, int Height);

    private static void Count(ReadState state, ParsingEvent at, long nodes)
    {
        state.Nodes += nodes;
        if (state.Nodes > state.Limits.MaxNodes)
        {
            throw new YamlLimitException(at.Start.Line, at.Start.Column, $"more than {state.Limits.MaxNodes:N0} YAML nodes (limit: nodes per file)");
        }
    }

    private static Parsed ReadNode(IParser parser, ReadState state, int depth)
    {
        var current = parser.Current ?? throw new YamlException("unexpected end of stream");
        state.Last = current.End;
        switch (current)
        {
            case AnchorAlias alias:
            {
                parser.MoveNext();
                if (!state.Anchors.TryGetValue(alias.Value.Value, out var anchored))
                {
                    throw new YamlFormatException(alias.Start.Line, alias.Start.Column, $"unknown alias *{alias.Value}");
                }

                state.AliasNodes += anchored.Count;
                if (state.AliasNodes > state.Limits.MaxAliasNodes)
                {
                    throw new YamlLimitException(alias.Start.Line, alias.Start.Column, $"aliases expand to more than {state.Limits.MaxAliasNodes:N0} nodes (limit: alias expansion per file; an alias bomb?)");
                }

                if (depth + anchored.Height > state.Limits.MaxDepth + 1)
                {
                    throw DepthExceeded(alias, state);
                }

                Count(state, alias, anchored.Count);
                return anchored with { Node = anchored.Node?.DeepClone() };
            }

            case Scalar scalar:
            {
                parser.MoveNext();
                Count(state, scalar, 1);
                return Remember(state, scalar.Anchor, new Parsed(Scalar(scalar), 1, 0));
            }

            case SequenceStart sequence:
            {
                parser.MoveNext();
                Enter(state, sequence, depth);
                var array = new JsonArray();
                long count = 1;
                var height = 1;
                while (!parser.TryConsume<SequenceEnd>(out _))
                {
                    var item = ReadNode(parser, state, depth + 1);
                    array.Add(item.Node);
                    count += item.Count;
                    height = Math.Max(height, item.Height + 1);
                }

                return Remember(state, sequence.Anchor, new Parsed(array, count, height));
            }

            case MappingStart mapping:
            {
                parser.MoveNext();
                Enter(state, mapping, depth);
                var obj = new JsonObject();
                long count = 1;
                var height = 1;
                while (!parser.TryConsume<MappingEnd>(out _))
                {
                    if (parser.Current is not Scalar key)
                    {
                        throw new YamlFormatException(parser.Current!.Start.Line, parser.Current.Start.Column, "mapping keys must be plain scalars");
                    }

                    parser.MoveNext();
                    var name = key.Value;
                    if (obj.ContainsKey(name))
                    {
                        throw new YamlFormatException(key.Start.Line, key.Start.Column, $"duplicate key '{name}'");
                    }

                    var value = ReadNode(parser, state, depth + 1);
                    obj[name] = value.Node;
                    count += value.Count;
                    height = Math.Max(height, value.Height + 1);
                }

                return Remember(state, mapping.Anchor, new Parsed(obj, count, height));
            }

            default:
                throw new YamlFormatException(current.Start.Line, current.Start.Column, $"unexpected {current.GetType().Name}");
        }
    }

    private static void Enter(ReadState state, ParsingEvent start, int depth)
    {
        if (depth > state.Limits.MaxDepth)
        {
            throw DepthExceeded(start, state);
        }

        Count(state, start, 1);
    }

    private static YamlLimitException DepthExceeded(ParsingEvent at, ReadState state) =>
        new(at.Start.Line, at.Start.Column, $"nested more than {state.Limits.MaxDepth} levels deep (limit: nesting depth)");

    private static Parsed Remember(ReadState state, AnchorName anchor, Parsed read)
    {
        if (!anchor.IsEmpty)
        {
            state.Anchors[anchor.Value] = read with { Node = read.Node?.DeepClone() };
        }

        return read;
    }

    private static JsonNode? Scalar(Scalar scalar)
    {
        var text = scalar.Value;
        if (scalar.Style is not (ScalarStyle.Plain or ScalarStyle.Any))
        {
            return JsonValue.Create(text);
        }

        if (text is "" or "~" or "null" or "Null" or "NULL")
        {
            return null;
        }

        if (text is "true" or "True" or "TRUE" or "false" or "False" or "FALSE")
        {
            return JsonValue.Create(text.Equals("true", StringComparison.OrdinalIgnoreCase));
        }

        if (IntegerPattern().IsMatch(text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return JsonNode.Parse(integer.ToString(CultureInfo.InvariantCulture));
        }

        if (FloatPattern().IsMatch(text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return JsonNode.Parse(number.ToString("R", CultureInfo.InvariantCulture));
        }

        return JsonValue.Create(text);
    }

    [GeneratedRegex(@"^[-+]?[0-9]+$")]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatPattern();
}
