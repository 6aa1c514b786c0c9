using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PgPlatform.Components.Serialization;

/// <summary>
/// Reads YAML documents into JSON trees with YAML 1.2 core-schema typing: plain <c>true</c>/<c>false</c>
/// are booleans, plain numbers are numbers, plain <c>null</c>, <c>~</c> and empty are null, anything
/// quoted is a string. Malformed YAML raises <see cref="YamlFormatException"/> with line and column.
/// </summary>
public static partial class YamlReader
{
    /// <summary>Every document of a (multi-document) YAML stream.</summary>
    public static IReadOnlyList<YamlDocumentNode> ReadDocuments(string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new YamlFormatException(e.Start.Line, e.Start.Column, Innermost(e).Message);
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner fails this way on some unterminated constructs, without a position:
            // re-read event by event to report where the last well-formed part ended.
            var end = LastGoodPosition(text);
            throw new YamlFormatException(end.Line, end.Column, "malformed YAML after this point (an unterminated quote, bracket or brace?)");
        }

        return stream.Documents.Select(d => new YamlDocumentNode((int)d.RootNode.Start.Line, Convert(d.RootNode))).ToList();
    }

    /// <summary>The first document, or null when the text holds none.</summary>
    public static JsonNode? Read(string text) => ReadDocuments(text).FirstOrDefault()?.Node;

    private static Mark LastGoodPosition(string text)
    {
        var parser = new Parser(new StringReader(text));
        var last = new Mark(0, 1, 1);
        try
        {
            while (parser.MoveNext())
            {
                last = parser.Current!.End;
            }
        }
        catch (InvalidOperationException)
        {
        }
        catch (YamlException)
        {
        }

        return last;
    }

    private static Exception Innermost(Exception e) => e.InnerException is YamlException inner ? Innermost(inner) : e;

    private static JsonNode? Convert(YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode map:
            {
                var obj = new JsonObject();
                foreach (var (key, value) in map.Children)
                {
                    var name = key is YamlScalarNode scalarKey ? scalarKey.Value ?? "" : throw new YamlFormatException(key.Start.Line, key.Start.Column, "mapping keys must be plain scalars");
                    if (obj.ContainsKey(name))
                    {
                        throw new YamlFormatException(key.Start.Line, key.Start.Column, $"duplicate key '{name}'");
                    }

                    obj[name] = Convert(value);
                }

                return obj;
            }

            case YamlSequenceNode sequence:
                return new JsonArray(sequence.Children.Select(Convert).ToArray());
            case YamlScalarNode scalar:
                return Scalar(scalar);
            default:
                throw new YamlFormatException(node.Start.Line, node.Start.Column, "aliases are not supported");
        }
    }

    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
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
