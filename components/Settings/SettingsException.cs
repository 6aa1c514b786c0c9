namespace PgPlatform.Components.Settings;

/// <summary>
/// A stack setting that is missing or malformed: which setting, in which file, and a valid example.
/// <see cref="Unreadable"/> when the stack file cannot be read at all (malformed YAML, beyond the limits, not a
/// regular file), which commands report as a usage error (exit 2) like <c>check</c> does.
/// </summary>
public sealed class SettingsException(string message, bool unreadable = false) : Exception(message)
{
    /// <summary>True when the stack file itself cannot be read.</summary>
    public bool Unreadable { get; } = unreadable;
}
