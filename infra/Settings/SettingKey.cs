namespace PgPlatform.Infra.Settings;

/// <summary>One stack setting: its key, whether it is required, a valid example and what it means.</summary>
public sealed record SettingKey(string Name, bool Required, string Example, string Description)
{
    /// <summary>The full config key, e.g. <c>pg-platform:tier</c>.</summary>
    public string Key => $"{SettingKeys.Namespace}:{Name}";
}
