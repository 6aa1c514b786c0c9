namespace PgPlatform.Stacks.Targets;

/// <summary>The object store could not be read or written (down, or the credentials were refused).</summary>
public sealed class ObjectStoreException(string message, Exception? inner = null) : Exception(message, inner);
