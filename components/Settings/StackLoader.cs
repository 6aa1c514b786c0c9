using PgPlatform.Components.Settings;

namespace PgPlatform.Components.Settings;

/// <summary>Loads stack settings from the project directory's stack files.</summary>
public static class StackLoader
{
    /// <summary>Settings of <paramref name="stack"/> from <c>Pulumi.&lt;stack&gt;.yaml</c>.</summary>
    public static StackSettings Load(string projectDirectory, string stack)
    {
        var file = StackConfigSources.FileName(stack);
        var path = Path.Combine(projectDirectory, file);
        if (!File.Exists(path))
        {
            var known = ProjectDirectory.Stacks(projectDirectory);
            throw new SettingsException($"stack '{stack}' has no stack file {file} in {projectDirectory}. Fix: use one of [{string.Join(", ", known)}] or create {file}");
        }

        return StackSettingsParser.Parse(stack, StackConfigSources.FromStackFile(path), file);
    }

    /// <summary>Settings of every stack in the project directory, sorted by name.</summary>
    public static IReadOnlyList<StackSettings> LoadAll(string projectDirectory) =>
        ProjectDirectory.Stacks(projectDirectory).Select(s => Load(projectDirectory, s)).ToList();
}
