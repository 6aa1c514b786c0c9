namespace PgPlatform.Components.Serialization;

/// <summary>
/// Cuts a multi-document YAML stream into parts at document-start markers, so that the parts can be read side by
/// side. A line that starts with <c>---</c> followed by a blank or the end of the line always starts a document:
/// inside a block scalar, a quoted or a plain multi-line scalar such a line is forbidden content and ends it
/// (YAML 1.2.2, 9.1.4 "c-forbidden"), and anchors do not cross documents (7.1). Whatever the cut gets wrong
/// (a directive before a marker, a marker inside a flow collection) makes a part fail to read, and the caller
/// reads the whole stream again in one piece.
/// </summary>
internal static class YamlStreamParts
{
    /// <summary>Smallest stream worth cutting, in characters.</summary>
    public const int MinimumLength = 1 << 20;

    /// <summary>One part: where it starts in the text, and how many lines precede it.</summary>
    public readonly record struct Part(int Start, int Length, int LineOffset);

    /// <summary>Up to <paramref name="count"/> parts of about equal length, in order, covering the whole text.</summary>
    public static List<Part> Cut(string text, int count)
    {
        var starts = new List<int> { 0 };
        for (var k = 1; k < count; k++)
        {
            var marker = NextMarker(text, Math.Max(starts[^1] + 1, (int)((long)text.Length * k / count)));
            if (marker < 0)
            {
                break;
            }

            if (marker > starts[^1])
            {
                starts.Add(marker);
            }
        }

        var parts = new List<Part>(starts.Count);
        var lines = 0;
        for (var i = 0; i < starts.Count; i++)
        {
            var end = i + 1 < starts.Count ? starts[i + 1] : text.Length;
            parts.Add(new Part(starts[i], end - starts[i], lines));
            lines += text.AsSpan(starts[i], end - starts[i]).Count('\n');
        }

        return parts;
    }

    // The index of the next line at or after 'from' that is a document-start marker, or -1.
    private static int NextMarker(string text, int from)
    {
        var i = from;
        while (true)
        {
            var found = text.AsSpan(i).IndexOf("\n---", StringComparison.Ordinal);
            if (found < 0)
            {
                return -1;
            }

            var marker = i + found + 1;
            var after = marker + 3;
            if (after == text.Length || text[after] is ' ' or '\t' or '\r' or '\n')
            {
                return marker;
            }

            i = marker;
        }
    }
}
