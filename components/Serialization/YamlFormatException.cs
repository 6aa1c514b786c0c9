namespace PgPlatform.Components.Serialization;

/// <summary>Malformed YAML, with the 1-based line and column where the reader gave up.</summary>
public class YamlFormatException(long line, long column, string problem) : Exception($"line {line}, column {column}: {problem}")
{
    /// <summary>1-based line.</summary>
    public long Line { get; } = line;

    /// <summary>1-based column.</summary>
    public long Column { get; } = column;

    /// <summary>What the reader found wrong.</summary>
    public string Problem { get; } = problem;
}
