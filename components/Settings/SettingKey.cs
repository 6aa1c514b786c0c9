namespace PgPlatform.Components.Settings;

/// <summary>One stack setting: its key, whether it is required, a valid example and what it means.</summary>
public sealed record SettingKey(string Name, bool Required, string Example, string Description, string Namespace = SettingKeys.Namespace)
{
    /// <summary>The full config key, e.g. <c>pg-platform:tier</c> or <c>azure-native:location</c>.</summary>
    public string Key => $"{Namespace}:{Name}";
}
