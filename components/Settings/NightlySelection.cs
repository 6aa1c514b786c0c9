namespace PgPlatform.Components.Settings;

/// <summary><c>pg-platform:nightly</c>: the bounds of a nightly drill run over the stack's databases; null where the setting leaves it to the command's default.</summary>
public sealed record NightlySelection
{
    /// <summary>Databases drilled at once.</summary>
    public int? Concurrency { get; init; }

    /// <summary>How long the night lasts, as typed (<c>6h</c>, <c>90m</c>).</summary>
    public string? Window { get; init; }
}
