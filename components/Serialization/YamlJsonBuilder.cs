using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace PgPlatform.Components.Serialization;

/// <summary>
/// Reads one YAML stream's parser events straight into UTF-8 JSON, document by document (one reused buffer, no
/// tree), enforcing <see cref="YamlLimits"/> as it goes. An anchored node's JSON is kept as bytes and written again
/// where an alias names it, so aliases cost their expansion against the limits without a tree to clone.
/// Line numbers are shifted by <c>lineOffset</c> (the stream may be a part of a file).
/// </summary>
internal sealed class YamlJsonBuilder
{
    private readonly YamlLimits _limits;
    private readonly int _lineOffset;
    private readonly ArrayBufferWriter<byte> _buffer = new(1 << 16);
    private readonly Utf8JsonWriter _writer;
    private readonly Dictionary<string, Anchored> _anchors = new(StringComparer.Ordinal);
    private readonly List<HashSet<string>> _keys = [];
    private readonly JsonReaderOptions _readerOptions;
    private Mark _last = new(0, 1, 1);

    public YamlJsonBuilder(YamlLimits limits, int lineOffset = 0)
    {
        _limits = limits;
        _lineOffset = lineOffset;
        _writer = new Utf8JsonWriter(_buffer, new JsonWriterOptions { SkipValidation = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        _readerOptions = new JsonReaderOptions { MaxDepth = limits.MaxDepth + 1 };
    }

    /// <summary>Nodes read so far (alias copies included).</summary>
    public long Nodes { get; private set; }

    /// <summary>Nodes copied by aliases so far.</summary>
    public long AliasNodes { get; private set; }

    private readonly record struct Anchored(byte[] Json, long Count, int Height);

    private readonly record struct Read(long Count, int Height);

    /// <summary>Every document of the stream <paramref name="input"/>; malformed YAML or a breached limit raises <see cref="YamlFormatException"/>.</summary>
    public List<YamlDocumentElement> ReadStream(TextReader input)
    {
        var parser = new Parser(input);
        var documents = new List<YamlDocumentElement>();
        try
        {
            parser.Consume<StreamStart>();
            while (parser.TryConsume<DocumentStart>(out _))
            {
                _anchors.Clear();
                var line = (int)parser.Current!.Start.Line + _lineOffset;
                _buffer.ResetWrittenCount();
                _writer.Reset(_buffer);
                ReadNode(parser, 1);
                _writer.Flush();
                var reader = new Utf8JsonReader(_buffer.WrittenSpan, _readerOptions);
                documents.Add(new YamlDocumentElement(line, JsonElement.ParseValue(ref reader)));
                parser.Consume<DocumentEnd>();
            }

            parser.Consume<StreamEnd>();
        }
        catch (YamlFormatException)
        {
            throw;
        }
        catch (YamlException e)
        {
            throw new YamlFormatException(e.Start.Line + _lineOffset, e.Start.Column, Innermost(e).Message);
        }
        catch (FormatException e)
        {
            throw new YamlFormatException(_last.Line + _lineOffset, _last.Column, e.Message);
        }
        catch (ArgumentException)
        {
            // Utf8JsonWriter refuses text that is not valid UTF-16 (a lone surrogate from a \u escape).
            throw new YamlFormatException(_last.Line + _lineOffset, _last.Column, "invalid Unicode (a lone surrogate in an escape?)");
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner fails this way on some unterminated constructs, without a position.
            throw new YamlFormatException(_last.Line + _lineOffset, _last.Column, "malformed YAML after this point (an unterminated quote, bracket or brace?)");
        }

        return documents;
    }

    private static Exception Innermost(Exception e) => e.InnerException is YamlException inner ? Innermost(inner) : e;

    private Read ReadNode(IParser parser, int depth)
    {
        var current = parser.Current ?? throw new YamlException("unexpected end of stream");
        _last = current.End;
        if (current is not NodeEvent { Anchor.IsEmpty: false } anchored)
        {
            return ReadValue(parser, current, depth);
        }

        // Keep the anchored node's JSON for its aliases (a value after a comma in an array: without the comma).
        _writer.Flush();
        var start = _buffer.WrittenCount;
        var read = ReadValue(parser, current, depth);
        _writer.Flush();
        var json = _buffer.WrittenSpan[start..];
        _anchors[anchored.Anchor.Value] = new Anchored((json.Length > 0 && json[0] == (byte)',' ? json[1..] : json).ToArray(), read.Count, read.Height);
        return read;
    }

    private Read ReadValue(IParser parser, ParsingEvent current, int depth)
    {
        switch (current)
        {
            case AnchorAlias alias:
            {
                parser.MoveNext();
                if (!_anchors.TryGetValue(alias.Value.Value, out var anchored))
                {
                    throw Error(alias, $"unknown alias *{alias.Value}", limit: false);
                }

                AliasNodes += anchored.Count;
                if (AliasNodes > _limits.MaxAliasNodes)
                {
                    throw Error(alias, $"aliases expand to more than {_limits.MaxAliasNodes:N0} nodes (limit: alias expansion per file; an alias bomb?)");
                }

                if (depth + anchored.Height > _limits.MaxDepth + 1)
                {
                    throw DepthExceeded(alias);
                }

                Count(alias, anchored.Count);
                _writer.WriteRawValue(anchored.Json, skipInputValidation: true);
                return new Read(anchored.Count, anchored.Height);
            }

            case Scalar scalar:
                parser.MoveNext();
                Count(scalar, 1);
                if (scalar.Style is ScalarStyle.Plain or ScalarStyle.Any)
                {
                    YamlPlainScalar.Write(_writer, scalar.Value);
                }
                else
                {
                    _writer.WriteStringValue(scalar.Value);
                }

                return new Read(1, 0);

            case SequenceStart sequence:
            {
                parser.MoveNext();
                Enter(sequence, depth);
                _writer.WriteStartArray();
                long count = 1;
                var height = 1;
                while (!parser.TryConsume<SequenceEnd>(out _))
                {
                    var item = ReadNode(parser, depth + 1);
                    count += item.Count;
                    height = Math.Max(height, item.Height + 1);
                }

                _writer.WriteEndArray();
                return new Read(count, height);
            }

            case MappingStart mapping:
            {
                parser.MoveNext();
                Enter(mapping, depth);
                _writer.WriteStartObject();
                var keys = KeysAt(depth);
                long count = 1;
                var height = 1;
                while (!parser.TryConsume<MappingEnd>(out _))
                {
                    if (parser.Current is not Scalar key)
                    {
                        throw Error(parser.Current!, "mapping keys must be plain scalars", limit: false);
                    }

                    parser.MoveNext();
                    if (!keys.Add(key.Value))
                    {
                        throw Error(key, $"duplicate key '{key.Value}'", limit: false);
                    }

                    _writer.WritePropertyName(key.Value);
                    var value = ReadNode(parser, depth + 1);
                    count += value.Count;
                    height = Math.Max(height, value.Height + 1);
                }

                _writer.WriteEndObject();
                return new Read(count, height);
            }

            default:
                throw Error(current, $"unexpected {current.GetType().Name}", limit: false);
        }
    }

    // One key set per depth, reused: a mapping's keys are checked before any sibling at its depth is read.
    private HashSet<string> KeysAt(int depth)
    {
        while (_keys.Count < depth)
        {
            _keys.Add(new HashSet<string>(StringComparer.Ordinal));
        }

        var keys = _keys[depth - 1];
        keys.Clear();
        return keys;
    }

    private void Count(ParsingEvent at, long nodes)
    {
        Nodes += nodes;
        if (Nodes > _limits.MaxNodes)
        {
            throw Error(at, $"more than {_limits.MaxNodes:N0} YAML nodes (limit: nodes per file)");
        }
    }

    private void Enter(ParsingEvent start, int depth)
    {
        if (depth > _limits.MaxDepth)
        {
            throw DepthExceeded(start);
        }

        Count(start, 1);
    }

    private YamlFormatException DepthExceeded(ParsingEvent at) => Error(at, $"nested more than {_limits.MaxDepth} levels deep (limit: nesting depth)");

    private YamlFormatException Error(ParsingEvent at, string problem, bool limit = true) =>
        limit ? new YamlLimitException(at.Start.Line + _lineOffset, at.Start.Column, problem) : new YamlFormatException(at.Start.Line + _lineOffset, at.Start.Column, problem);
}
