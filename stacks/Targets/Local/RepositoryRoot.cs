namespace PgPlatform.Stacks.Targets.Local;

/// <summary>Finds the repository (the directory holding scripts/install-prereqs.sh), where .tools/ lives.</summary>
internal static class RepositoryRoot
{
    /// <summary>The nearest ancestor of the working directory or of this assembly holding scripts/install-prereqs.sh; null if none.</summary>
    public static string? Find()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "scripts", "install-prereqs.sh")))
                {
                    return dir.FullName;
                }
            }
        }

        return null;
    }
}
