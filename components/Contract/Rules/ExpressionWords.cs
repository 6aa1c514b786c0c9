namespace PgPlatform.Components.Contract.Rules;

/// <summary>
/// The names an expression mentions as words: a name occurs as a word when the characters around it are not letters,
/// digits or underscores. Names (Kubernetes object names and namespaces) are made of letters, digits, '-' and '.', so every
/// such occurrence is a run of whole '-'/'.'-separated segments of a word of the expression, which <see cref="Of"/> lists
/// for an index and <see cref="Names"/> tests directly; both say the same.
/// </summary>
public static class ExpressionWords
{
    /// <summary>Longest run of segments listed per position: longer names are not looked up by index.</summary>
    public const int MaxSegments = 16;

    /// <summary>True when <paramref name="expr"/> names <paramref name="name"/> as a word.</summary>
    public static bool Names(string expr, string name)
    {
        if (name.Length == 0)
        {
            return false;
        }

        for (var at = expr.IndexOf(name, StringComparison.Ordinal); at >= 0; at = expr.IndexOf(name, at + 1, StringComparison.Ordinal))
        {
            var end = at + name.Length;
            if ((at == 0 || !IsGlue(expr[at - 1])) && (end == expr.Length || !IsGlue(expr[end])))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Every name <paramref name="expr"/> mentions as a word: each run of up to <see cref="MaxSegments"/> whole segments of each word.</summary>
    public static IEnumerable<string> Of(string expr)
    {
        var i = 0;
        while (i < expr.Length)
        {
            if (!IsWordChar(expr[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < expr.Length && IsWordChar(expr[i]))
            {
                i++;
            }

            // Segment starts and ends within the word expr[start..i].
            var starts = new List<int> { start };
            var ends = new List<int>();
            for (var k = start; k < i; k++)
            {
                if (!IsGlue(expr[k]))
                {
                    ends.Add(k);
                    starts.Add(k + 1);
                }
            }

            ends.Add(i);
            for (var a = 0; a < starts.Count; a++)
            {
                for (var b = a; b < ends.Count && b - a < MaxSegments; b++)
                {
                    if (ends[b] > starts[a])
                    {
                        yield return expr[starts[a]..ends[b]];
                    }
                }
            }
        }
    }

    private static bool IsGlue(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    private static bool IsWordChar(char c) => IsGlue(c) || c is '-' or '.';
}
