namespace PgPlatform.Stacks.Tests;

/// <summary>Temp directories a test owns and the local target may live in.</summary>
internal static class TempRoot
{
    /// <summary>
    /// A fresh directory with mode 0755: <see cref="Directory.CreateTempSubdirectory(string?)"/> makes 0700,
    /// which the non-root user that runs PostgreSQL under root could not traverse.
    /// </summary>
    public static string Create(string prefix)
    {
        var path = Directory.CreateTempSubdirectory(prefix).FullName;
        if (OperatingSystem.IsWindows())
        {
            return path;
        }

        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        return path;
    }
}
