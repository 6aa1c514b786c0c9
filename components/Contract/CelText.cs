namespace PgPlatform.Components.Contract;

/// <summary>Builds CEL source text.</summary>
public static class CelText
{
    /// <summary>A single-quoted CEL string literal of <paramref name="value"/>.</summary>
    public static string Quote(string value) => $"'{value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal)}'";
}
