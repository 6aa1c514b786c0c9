namespace PgPlatform.Components.Settings;

/// <summary>Finds the Pulumi project directory: the nearest directory holding <c>Pulumi.yaml</c>.</summary>
public static class ProjectDirectory
{
    /// <summary><paramref name="explicitDirectory"/> when given, else the nearest ancestor of <paramref name="start"/> with a Pulumi.yaml.</summary>
    public static string Find(string? explicitDirectory, string start)
    {
        if (explicitDirectory is not null)
        {
            var full = Path.GetFullPath(explicitDirectory);
            return File.Exists(Path.Combine(full, "Pulumi.yaml"))
                ? full
                : throw new SettingsException($"--project-dir {explicitDirectory} holds no Pulumi.yaml. Fix: point it at the repository root");
        }

        for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Pulumi.yaml")))
            {
                return dir.FullName;
            }
        }

        throw new SettingsException($"no Pulumi.yaml in {start} or any parent directory. Fix: run from the repository root or pass --project-dir");
    }

    /// <summary>The stack names that have a <c>Pulumi.&lt;stack&gt;.yaml</c> in <paramref name="projectDirectory"/>, sorted.</summary>
    public static IReadOnlyList<string> Stacks(string projectDirectory) =>
        Directory.GetFiles(projectDirectory, "Pulumi.*.yaml")
            .Select(Path.GetFileName)
            .Select(f => f![7..^5])
            .Where(s => s.Length > 0)
            .Order(StringComparer.Ordinal)
            .ToList();
}
