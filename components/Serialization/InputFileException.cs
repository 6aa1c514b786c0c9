namespace PgPlatform.Components.Serialization;

/// <summary>An input file that cannot be read within the limits: missing, special, too large or not text.</summary>
public sealed class InputFileException(string message) : Exception(message);
