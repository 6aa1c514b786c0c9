namespace PgPlatform.Stacks.Tests.Targets.Kubernetes;

/// <summary>One request the fake API received.</summary>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">Path without query.</param>
/// <param name="Query">Query string with its leading '?', or empty.</param>
/// <param name="ContentType">The body's media type (the patch type for a PATCH), if any.</param>
/// <param name="Body">The body, if any.</param>
public sealed record RecordedRequest(string Method, string Path, string Query, string? ContentType, string? Body)
{
    /// <summary>The query's parameters, unescaped (the last value of a repeated one).</summary>
    public IReadOnlyDictionary<string, string> Parameters => Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
        .Select(p => p.Split('=', 2))
        .GroupBy(p => Uri.UnescapeDataString(p[0]), StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => Uri.UnescapeDataString(g.Last().ElementAtOrDefault(1) ?? ""), StringComparer.Ordinal);

    /// <summary><c>METHOD path?query</c>.</summary>
    public override string ToString() => $"{Method} {Path}{Query}";
}
