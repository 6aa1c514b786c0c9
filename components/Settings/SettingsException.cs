namespace PgPlatform.Components.Settings;

/// <summary>A stack setting that is missing or malformed: which setting, in which file, and a valid example.</summary>
public sealed class SettingsException(string message) : Exception(message);
