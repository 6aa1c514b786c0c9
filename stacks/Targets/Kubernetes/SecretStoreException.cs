namespace PgPlatform.Stacks.Targets.Kubernetes;

/// <summary>The secret store refused or failed a write; the message names the store and the secret, never its value.</summary>
public sealed class SecretStoreException(string message, Exception? inner = null) : Exception(message, inner);
