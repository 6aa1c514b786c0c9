namespace PgPlatform.Infra.Manifests;

/// <summary>An input that cannot be read at all (missing path, malformed YAML): exit code 2, with file and line.</summary>
public sealed class UnreadableInputException(string message) : Exception(message);
