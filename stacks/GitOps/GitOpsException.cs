namespace PgPlatform.Stacks.GitOps;

/// <summary>A pause or resume could not be done (an object is missing, the API refused); nothing after the failing step was changed.</summary>
public sealed class GitOpsException(string message, Exception? inner = null) : Exception(message, inner);
