namespace PgPlatform.Infra.CommandLine;

/// <summary>
/// An <c>--out</c> directory checked before a long command starts, so that a drill never runs for minutes and then
/// loses its evidence to a path that cannot hold it.
/// </summary>
public sealed class OutputDirectory
{
    private readonly string? _createdFrom;

    private OutputDirectory(string path, string? createdFrom)
    {
        Path = path;
        _createdFrom = createdFrom;
    }

    /// <summary>The absolute path.</summary>
    public string Path { get; }

    /// <summary>True when <see cref="Prepare"/> created it (so <see cref="RemoveIfUnused"/> may remove it again).</summary>
    public bool Created => _createdFrom is not null;

    /// <summary>
    /// Creates <paramref name="path"/> if missing and proves a file can be written in it. Returns the directory, or
    /// null with <paramref name="error"/> saying why not (a file in the way, a denied or read-only location) and how to fix it.
    /// </summary>
    public static OutputDirectory? Prepare(string path, string option, out string? error)
    {
        error = null;
        var fix = $"Fix: give {option} a directory you can write (it is created if missing).";
        if (File.Exists(path))
        {
            error = $"{option} {path} is a file, not a directory. {fix}";
            return null;
        }

        for (var parent = System.IO.Path.GetDirectoryName(path); parent is not null; parent = System.IO.Path.GetDirectoryName(parent))
        {
            if (File.Exists(parent))
            {
                error = $"{option} {path} cannot be created: {parent} is a file, not a directory. {fix}";
                return null;
            }
        }

        // The outermost directory this call creates: what RemoveIfUnused may take away again.
        string? createdFrom = null;
        for (var dir = path; dir is not null && !Directory.Exists(dir); dir = System.IO.Path.GetDirectoryName(dir))
        {
            createdFrom = dir;
        }

        try
        {
            Directory.CreateDirectory(path);
            var probe = System.IO.Path.Combine(path, $".pg-platform-write-probe-{Environment.ProcessId}-{Guid.NewGuid():N}");
            using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
            {
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error = $"{option} {path} is not a writable directory: {e.Message} {fix}";
            new OutputDirectory(path, createdFrom).RemoveIfUnused();
            return null;
        }

        return new OutputDirectory(path, createdFrom);
    }

    /// <summary>
    /// Removes what <see cref="Prepare"/> created (the directory and the parents it had to create) as long as nothing was
    /// written into it: a run that ended without output leaves no empty directories behind.
    /// </summary>
    public void RemoveIfUnused()
    {
        if (_createdFrom is null)
        {
            return;
        }

        try
        {
            for (var dir = Path; dir is not null && Directory.Exists(dir) && !Directory.EnumerateFileSystemEntries(dir).Any(); dir = System.IO.Path.GetDirectoryName(dir))
            {
                Directory.Delete(dir);
                if (dir == _createdFrom)
                {
                    break;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: an empty directory left behind is harmless.
        }
    }
}
