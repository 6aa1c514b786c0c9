namespace PgPlatform.Components.Serialization;

/// <summary>Input that breaks one of the <see cref="YamlLimits"/>: where it broke it and which limit.</summary>
public sealed class YamlLimitException(long line, long column, string problem) : YamlFormatException(line, column, problem);
