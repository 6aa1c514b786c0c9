namespace PgPlatform.Testing.Pulumi;

/// <summary>
/// Reads <c>${...}</c> interpolations out of Pulumi YAML strings. <c>$$</c> is an escaped literal
/// <c>$</c>, so <c>$${x}</c> is the text <c>${x}</c>, not a reference; only <c>${</c> starts one.
/// </summary>
internal static class PulumiInterpolation
{
    /// <summary>The expressions inside the interpolations of a string.</summary>
    /// <param name="text">A string value from the program.</param>
    /// <param name="unterminated">Set when a <c>${</c> has no closing <c>}</c>.</param>
    public static IReadOnlyList<string> Expressions(string text, out bool unterminated)
    {
        var expressions = new List<string>();
        unterminated = false;
        for (var i = 0; i < text.Length - 1; i++)
        {
            if (text[i] != '$')
            {
                continue;
            }

            if (text[i + 1] == '$')
            {
                i++;
                continue;
            }

            if (text[i + 1] != '{')
            {
                continue;
            }

            var end = text.IndexOf('}', i + 2);
            if (end < 0)
            {
                unterminated = true;
                break;
            }

            expressions.Add(text[(i + 2)..end].Trim());
            i = end;
        }

        return expressions;
    }

    /// <summary>Whether a string holds any interpolation (so its value is only known at deployment).</summary>
    public static bool IsInterpolated(string text) => Expressions(text, out var unterminated).Count > 0 || unterminated;

    /// <summary>The name an expression starts from: <c>db</c> for <c>db.outputs["x"][0]</c>.</summary>
    public static string RootName(string expression)
    {
        var end = expression.IndexOfAny(['.', '[']);
        return (end < 0 ? expression : expression[..end]).Trim();
    }

    /// <summary>The first property accessed after the root, if any: <c>stack</c> for <c>pulumi.stack</c>.</summary>
    public static string? FirstProperty(string expression)
    {
        var dot = expression.IndexOf('.', StringComparison.Ordinal);
        var bracket = expression.IndexOf('[', StringComparison.Ordinal);
        if (dot < 0 || (bracket >= 0 && bracket < dot))
        {
            return null;
        }

        var rest = expression[(dot + 1)..];
        var end = rest.IndexOfAny(['.', '[']);
        return end < 0 ? rest : rest[..end];
    }
}
