namespace PgPlatform.Testing;

/// <summary>
/// Locates the repository root and the shared schema folder (<c>shared/schemas</c>), which lives
/// beside the repository rather than inside it: locally the repo is <c>/work/main</c> with the
/// schemas at <c>/work/shared/schemas</c>, and CI clones the repo with <c>shared/</c> next to it.
/// </summary>
public static class SharedSchemas
{
    /// <summary>Environment variable that, when set, overrides where the shared schemas are.</summary>
    public const string EnvironmentVariable = "PGP_SHARED_SCHEMAS";

    private const string SolutionFileName = "Infra.sln";

    private static readonly Lazy<string> LazyRoot = new(
        () => Resolve(Environment.GetEnvironmentVariable(EnvironmentVariable), AppContext.BaseDirectory));

    private static readonly Lazy<string> LazyRepoRoot = new(() => FindRepoRoot(AppContext.BaseDirectory));

    /// <summary>
    /// Absolute path of the <c>shared/schemas</c> folder (the one holding <c>crds/</c>,
    /// <c>kubernetes/</c> and <c>pulumi/</c>). Resolved once per process.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">The folder could not be found.</exception>
    public static string Root => LazyRoot.Value;

    /// <summary>Absolute path of the repository root: the nearest ancestor holding <c>Infra.sln</c>.</summary>
    /// <exception cref="DirectoryNotFoundException">No ancestor holds <c>Infra.sln</c>.</exception>
    public static string RepoRoot => LazyRepoRoot.Value;

    /// <summary>Resolves the schema folder from an override (may be null) or by walking up from a start directory.</summary>
    internal static string Resolve(string? overridePath, string startDirectory)
    {
        if (!string.IsNullOrWhiteSpace(overridePath))
        {
            var full = Path.GetFullPath(overridePath);
            if (!Directory.Exists(Path.Combine(full, "crds")))
            {
                throw new DirectoryNotFoundException(
                    $"{EnvironmentVariable} is set to '{overridePath}', but '{Path.Combine(full, "crds")}' does not exist. " +
                    "Point it at the shared/schemas folder, or unset it to search upwards from the test binaries.");
            }

            return full;
        }

        for (var dir = new DirectoryInfo(startDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "schemas");
            if (Directory.Exists(Path.Combine(candidate, "crds")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException(
            $"Could not find shared/schemas/crds in '{startDirectory}' or any parent directory. " +
            $"The shared folder is expected beside the repository (../shared/schemas from the repo root); " +
            $"set {EnvironmentVariable} to its absolute path if it lives elsewhere.");
    }

    /// <summary>Walks up from a start directory to the nearest directory holding <c>Infra.sln</c>.</summary>
    internal static string FindRepoRoot(string startDirectory)
    {
        for (var dir = new DirectoryInfo(startDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFileName)))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException(
            $"Could not find {SolutionFileName} in '{startDirectory}' or any parent directory.");
    }
}
