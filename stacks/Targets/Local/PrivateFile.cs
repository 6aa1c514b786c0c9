namespace PgPlatform.Stacks.Targets.Local;

/// <summary>
/// Files of the local target that hold a secret (patroni.yml: the superuser and replication passwords): created with
/// mode 0600, so only their owner (the run-as user after <see cref="RunAs.GiveAsync"/>, and root) can read them,
/// inside a run directory of mode 0700 (<see cref="RunDirectory"/>).
/// </summary>
internal static class PrivateFile
{
    /// <summary>Owner read and write only (0600).</summary>
    public const UnixFileMode Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Writes <paramref name="content"/> to <paramref name="path"/>, created 0600; an existing file is replaced, never widened.</summary>
    public static void Write(string path, string content)
    {
        // A file that exists keeps its mode when opened for writing: delete it so the new one is created with ours.
        File.Delete(path);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = Mode;
        }

        using var writer = new StreamWriter(new FileStream(path, options));
        writer.Write(content);
    }
}
