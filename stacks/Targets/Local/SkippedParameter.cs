namespace PgPlatform.Stacks.Targets.Local;

/// <summary>A declared PostgreSQL parameter the local target does not apply, and why.</summary>
/// <param name="Name">The parameter.</param>
/// <param name="Value">Its declared value.</param>
/// <param name="Reason">Why it is not applied.</param>
public sealed record SkippedParameter(string Name, string Value, string Reason)
{
    /// <inheritdoc />
    public override string ToString() => $"{Name}={Value}: {Reason}";
}
