namespace PgPlatform.Stacks.Targets;

/// <summary>A restore never reached a read-write state: the tooling failed, or recovery stopped (the reason is in the message).</summary>
public sealed class RestoreFailedException(string message, Exception? inner = null) : Exception(message, inner);
