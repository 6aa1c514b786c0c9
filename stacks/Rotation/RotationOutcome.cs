namespace PgPlatform.Stacks.Rotation;

/// <summary>What a finished rotation observed.</summary>
/// <param name="OldRole">The login the application used before.</param>
/// <param name="NewRole">The login it uses now.</param>
/// <param name="SwitchedAt">When the application's Secret was switched (null when a resumed rotation had switched before).</param>
/// <param name="OldSessionsAfterDisable">Sessions still authenticated as <paramref name="OldRole"/> right after it was disabled (clients that never reloaded).</param>
/// <param name="OldSessionsLeft">Sessions of <paramref name="OldRole"/> at the end (must be 0).</param>
/// <param name="OldLoginRefusal">How a login as <paramref name="OldRole"/> was refused; null when it still logged in.</param>
public sealed record RotationOutcome(string OldRole, string NewRole, DateTimeOffset? SwitchedAt, int OldSessionsAfterDisable, int OldSessionsLeft, string? OldLoginRefusal);
