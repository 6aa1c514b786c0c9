using System.Globalization;
using System.Text.RegularExpressions;

namespace PgPlatform.Stacks.Migrations;

/// <summary>Reads an application's migrations folder: the versioned files in version order, and its seed file.</summary>
public static partial class MigrationFolder
{
    /// <summary>
    /// Finds <paramref name="repositoryRelative"/> (e.g. <c>infra/Platform/Migrations/linkding</c>) under the nearest
    /// ancestor of the working directory or of this program that holds it; throws <see cref="MigrationException"/> if none does.
    /// </summary>
    public static string Resolve(string repositoryRelative)
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, repositoryRelative);
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new MigrationException($"migrations folder '{repositoryRelative}' not found above {Directory.GetCurrentDirectory()}: run from the repository checkout");
    }

    /// <summary>
    /// The migrations of <paramref name="directory"/>, in version order. Every <c>.sql</c> file but
    /// <paramref name="seedFile"/> must be named <c>V&lt;n&gt;__&lt;description&gt;.sql</c> with a version no other file has.
    /// </summary>
    public static IReadOnlyList<MigrationScript> Read(string directory, string seedFile)
    {
        var scripts = new List<MigrationScript>();
        foreach (var path in Directory.GetFiles(directory, "*.sql").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            if (name == seedFile)
            {
                continue;
            }

            var match = VersionedName().Match(name);
            if (!match.Success)
            {
                throw new MigrationException($"{path}: not a migration name; name it V<version>__<description>.sql (e.g. V4__add_column.sql) or move it out of the folder");
            }

            var version = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            if (scripts.FirstOrDefault(s => s.Version == version) is { } clash)
            {
                throw new MigrationException($"{path}: version {version} is also {clash.Name}; give each migration its own version");
            }

            scripts.Add(new MigrationScript(version, name, File.ReadAllText(path)));
        }

        if (scripts.Count == 0)
        {
            throw new MigrationException($"{directory}: no migration (V<version>__<description>.sql) found");
        }

        return [.. scripts.OrderBy(s => s.Version)];
    }

    [GeneratedRegex(@"^V([0-9]{1,9})__[A-Za-z0-9_]+\.sql$", RegexOptions.CultureInvariant)]
    private static partial Regex VersionedName();
}
