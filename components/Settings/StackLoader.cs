using PgPlatform.Components.Settings;

namespace PgPlatform.Components.Settings;

/// <summary>Loads stack settings from the project directory's stack files.</summary>
public static class StackLoader
{
    /// <summary>
    /// Settings of <paramref name="stack"/> from <c>Pulumi.&lt;stack&gt;.yaml</c>. Every <c>recoverFrom.stack</c> must
    /// name a stack with a stack file in <paramref name="projectDirectory"/> (its backups are the ones restored);
    /// <paramref name="time"/> is the clock of <see cref="StackSettingsParser.Parse"/>.
    /// </summary>
    public static StackSettings Load(string projectDirectory, string stack, TimeProvider? time = null)
    {
        var file = StackConfigSources.FileName(stack);
        var path = Path.Combine(projectDirectory, file);
        if (!File.Exists(path))
        {
            var known = ProjectDirectory.Stacks(projectDirectory);
            throw new SettingsException($"stack '{stack}' has no stack file {file} in {projectDirectory}. Fix: use one of [{string.Join(", ", known)}] or create {file}");
        }

        var settings = StackSettingsParser.Parse(stack, StackConfigSources.FromStackFile(path), file, time);
        for (var i = 0; i < settings.Databases.Count; i++)
        {
            if (settings.Databases[i].RecoverFrom is { } from && !File.Exists(Path.Combine(projectDirectory, StackConfigSources.FileName(from.Stack))))
            {
                var others = ProjectDirectory.Stacks(projectDirectory).Where(s => s != stack);
                throw new SettingsException($"'{SettingKeys.Databases.Key}[{i}].recoverFrom' in {file}: stack '{from.Stack}' does not exist (no {StackConfigSources.FileName(from.Stack)} in {projectDirectory}). Fix: name a stack that exists: one of [{string.Join(", ", others)}]");
            }
        }

        return settings;
    }

    /// <summary>Settings of every stack in the project directory, sorted by name.</summary>
    public static IReadOnlyList<StackSettings> LoadAll(string projectDirectory, TimeProvider? time = null) =>
        ProjectDirectory.Stacks(projectDirectory).Select(s => Load(projectDirectory, s, time)).ToList();
}
