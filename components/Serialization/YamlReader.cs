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
    /// <summary>Every document of a (multi-document) YAML stream.</summary>
    public static IReadOnlyList<YamlDocumentNode> ReadDocuments(string text)
    {
        var parser = new Parser(new StringReader(text));
        var documents = new List<YamlDocumentNode>();
        var anchors = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        var last = new Mark(0, 1, 1);
        try
        {
            parser.Consume<StreamStart>();
            while (parser.TryConsume<DocumentStart>(out _))
            {
                anchors.Clear();
                var line = (int)parser.Current!.Start.Line;
                var node = ReadNode(parser, anchors, ref last);
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
            throw new YamlFormatException(last.Line, last.Column, "malformed YAML after this point (an unterminated quote, bracket or brace?)");
        }

        return documents;
    }

    /// <summary>The first document, or null when the text holds none.</summary>
    public static JsonNode? Read(string text) => ReadDocuments(text).FirstOrDefault()?.Node;

    private static Exception Innermost(Exception e) => e.InnerException is YamlException inner ? Innermost(inner) : e;

    private static JsonNode? ReadNode(IParser parser, Dictionary<string, JsonNode?> anchors, ref Mark last)
    {
        var current = parser.Current ?? throw new YamlException("unexpected end of stream");
        last = current.End;
        switch (current)
        {
            case AnchorAlias alias:
                parser.MoveNext();
                return anchors.TryGetValue(alias.Value.Value, out var anchored)
                    ? anchored?.DeepClone()
                    : throw new YamlFormatException(alias.Start.Line, alias.Start.Column, $"unknown alias *{alias.Value}");
            case Scalar scalar:
            {
                parser.MoveNext();
                var value = Scalar(scalar);
                Remember(anchors, scalar.Anchor, value);
                return value;
            }

            case SequenceStart sequence:
            {
                parser.MoveNext();
                var array = new JsonArray();
                while (!parser.TryConsume<SequenceEnd>(out _))
                {
                    array.Add(ReadNode(parser, anchors, ref last));
                }

                Remember(anchors, sequence.Anchor, array);
                return array;
            }

            case MappingStart mapping:
            {
                parser.MoveNext();
                var obj = new JsonObject();
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

                    obj[name] = ReadNode(parser, anchors, ref last);
                }

                Remember(anchors, mapping.Anchor, obj);
                return obj;
            }

            default:
                throw new YamlFormatException(current.Start.Line, current.Start.Column, $"unexpected {current.GetType().Name}");
        }
    }

    private static void Remember(Dictionary<string, JsonNode?> anchors, AnchorName anchor, JsonNode? value)
    {
        if (!anchor.IsEmpty)
        {
            anchors[anchor.Value] = value?.DeepClone();
        }
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
