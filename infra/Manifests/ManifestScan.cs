using PgPlatform.Components.Serialization;

namespace PgPlatform.Infra.Manifests;

/// <summary>
/// The files <c>check</c> reads for its paths: a file is read whatever its name; a directory gives every
/// <c>*.yaml</c>, <c>*.yml</c> and <c>*.json</c> below it (any case), in ordinal order. Each directory and file is
/// read once however many symlinks lead to it, so a symlink loop ends; other files are skipped and counted.
/// </summary>
public sealed class ManifestScan
{
    private static readonly string[] Extensions = [".yaml", ".yml", ".json"];

    private readonly HashSet<(ulong, ulong)> _seen = [];

    /// <summary>Full path and display name of each file to read.</summary>
    public List<(string Path, string Display)> Files { get; } = [];

    /// <summary>Files under the directories that were not read (not YAML or JSON by name).</summary>
    public int Skipped { get; private set; }

    /// <summary>The extensions read in directories, for messages.</summary>
    public static string Read => "*.yaml, *.yml and *.json (any case)";

    /// <summary>Scans <paramref name="paths"/>; a path that does not exist raises <see cref="UnreadableInputException"/>.</summary>
    public static ManifestScan Of(IEnumerable<string> paths, string baseDirectory)
    {
        var scan = new ManifestScan();
        foreach (var path in paths)
        {
            var full = Path.GetFullPath(path, baseDirectory);
            var status = FileStatus.Of(full);
            switch (status.Type)
            {
                case FileStatus.Types.Missing:
                    throw new UnreadableInputException($"{path}: no such file or directory");
                case FileStatus.Types.Directory:
                    scan.Walk(full, status, baseDirectory);
                    break;
                default:
                    // Named on the command line: read whatever its name; InputFiles refuses a special file.
                    scan.Add(full, status, baseDirectory);
                    break;
            }
        }

        scan.Files.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return scan;
    }

    private void Walk(string directory, FileStatus status, string baseDirectory)
    {
        if (!FirstVisit(status))
        {
            return;
        }

        foreach (var entry in Directory.EnumerateFileSystemEntries(directory).Order(StringComparer.Ordinal))
        {
            var entryStatus = FileStatus.Of(entry);
            if (entryStatus.Type == FileStatus.Types.Directory)
            {
                Walk(entry, entryStatus, baseDirectory);
            }
            else if (Extensions.Any(e => entry.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
            {
                Add(entry, entryStatus, baseDirectory);
            }
            else
            {
                Skipped++;
            }
        }
    }

    private void Add(string file, FileStatus status, string baseDirectory)
    {
        if (FirstVisit(status))
        {
            var relative = Path.GetRelativePath(baseDirectory, file).Replace('\\', '/');
            Files.Add((file, relative.StartsWith("../", StringComparison.Ordinal) ? file : relative));
        }
    }

    // Without an inode (not Linux), every path counts as new.
    private bool FirstVisit(FileStatus status) => status.Inode == 0 || _seen.Add((status.Device, status.Inode));
}
