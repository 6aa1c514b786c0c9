using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace PgPlatform.Components.Serialization;

/// <summary>Reads the <see cref="YamlPosition"/> tree of every document of a YAML stream (no values, only where things are).</summary>
public static class YamlPositions
{
    /// <summary>One tree per document, in order; empty when the text is not YAML any more (it changed since it was read).</summary>
    public static IReadOnlyList<YamlPosition> Read(string text)
    {
        var documents = new List<YamlPosition>();
        var parser = new Parser(new StringReader(text));
        var open = new Stack<YamlPosition>();
        string? key = null;
        var expectKey = new Stack<bool>();
        try
        {
            while (parser.MoveNext())
            {
                var current = parser.Current!;
                switch (current)
                {
                    case SequenceEnd or MappingEnd:
                        open.Pop();
                        expectKey.Pop();
                        break;
                    case Scalar or AnchorAlias or SequenceStart or MappingStart:
                    {
                        if (open.Count > 0 && open.Peek().Keys is not null && expectKey.Peek())
                        {
                            // A mapping key (always a scalar in a file YamlReader accepted): its line is the entry's line.
                            if (current is not Scalar scalarKey)
                            {
                                return [];
                            }

                            key = scalarKey.Value;
                            open.Peek().Keys![key] = new YamlPosition((int)current.Start.Line);
                            expectKey.Pop();
                            expectKey.Push(false);
                            break;
                        }

                        var node = Place(open, expectKey, key, (int)current.Start.Line, documents);
                        if (current is SequenceStart)
                        {
                            node.Items = [];
                            open.Push(node);
                            expectKey.Push(false);
                        }
                        else if (current is MappingStart)
                        {
                            node.Keys = [];
                            open.Push(node);
                            expectKey.Push(true);
                        }

                        break;
                    }
                }
            }
        }
        catch (YamlException)
        {
            return [];
        }

        return documents;
    }

    private static YamlPosition Place(Stack<YamlPosition> open, Stack<bool> expectKey, string? key, int line, List<YamlPosition> documents)
    {
        if (open.Count == 0)
        {
            var root = new YamlPosition(line);
            documents.Add(root);
            return root;
        }

        var parent = open.Peek();
        if (parent.Items is not null)
        {
            var item = new YamlPosition(line);
            parent.Items.Add(item);
            return item;
        }

        // A mapping value: it keeps its key's line, and the next event is a key again.
        var entry = parent.Keys![key!];
        expectKey.Pop();
        expectKey.Push(true);
        return entry;
    }
}
