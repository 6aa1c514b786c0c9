namespace PgPlatform.Stacks.Targets;

/// <summary>The login the application's Secret holds.</summary>
/// <param name="Slot">The active slot (<c>a</c> or <c>b</c>).</param>
/// <param name="Role">Its login role.</param>
/// <param name="Password">Its password (never logged).</param>
public sealed record ActiveLogin(string Slot, string Role, string Password)
{
    /// <inheritdoc />
    public override string ToString() => $"{Role} (slot {Slot})";
}
