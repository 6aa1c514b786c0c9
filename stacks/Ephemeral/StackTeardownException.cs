namespace PgPlatform.Stacks.Ephemeral;

/// <summary>An ephemeral stack could not be destroyed or removed: cloud resources may remain. The message says what to run by hand.</summary>
public sealed class StackTeardownException(string message, Exception? inner = null) : Exception(message, inner);
