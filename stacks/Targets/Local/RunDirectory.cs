using System.Globalization;

namespace PgPlatform.Stacks.Targets.Local;

/// <summary>
/// The temporary directory one local target lives in (<c>/tmp/pg-platform-local-PID-RANDOM</c>). Deleting
/// it ends every process inside it first, and creating one first sweeps the directories of runs whose
/// driver died without tearing down, so a later run never finds leftovers.
/// </summary>
internal sealed class RunDirectory
{
    /// <summary>Name prefix of every run directory under the temp path.</summary>
    public const string Prefix = "pg-platform-local-";

    /// <summary>
    /// Owner only (0700): the run holds secrets (patroni.yml, pgpass, data directories, the archive), and the temp path
    /// is world-readable. The owner is the run-as user once the target gives it the directory (<see cref="RunAs.GiveAsync"/>).
    /// </summary>
    public const UnixFileMode Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private RunDirectory(string path) => Path = path;

    /// <summary>Absolute path of the directory.</summary>
    public string Path { get; }

    /// <summary>Sweeps stale run directories, then creates a fresh one owned by this process, with <see cref="Mode"/>.</summary>
    public static RunDirectory Create(string? tempRoot = null)
    {
        tempRoot ??= System.IO.Path.GetTempPath();
        SweepStale(tempRoot);
        var path = System.IO.Path.Combine(tempRoot, $"{Prefix}{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}");
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            Directory.CreateDirectory(path, Mode);
        }

        return new RunDirectory(path);
    }

    /// <summary>Ends every process of the run, removes their shared memory and deletes the directory. Returns pids that would not die.</summary>
    public IReadOnlyList<int> Destroy() => Destroy(Path);

    /// <summary>Removes run directories whose owning process is gone, with whatever still runs inside them.</summary>
    public static int SweepStale(string tempRoot)
    {
        var swept = 0;
        foreach (var dir in Directory.EnumerateDirectories(tempRoot, Prefix + "*"))
        {
            var owner = System.IO.Path.GetFileName(dir)[Prefix.Length..].Split('-')[0];
            if (int.TryParse(owner, NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && pid != Environment.ProcessId
                && !NativeMethods.IsAlive(pid))
            {
                Destroy(dir);
                swept++;
            }
        }

        return swept;
    }

    private static IReadOnlyList<int> Destroy(string path)
    {
        if (!Directory.Exists(path))
        {
            return [];
        }

        var pidFiles = ProcessSweeper.PostmasterPidFiles(path).Select(PostmasterPidFile.Read).OfType<PostmasterPidFile>().ToList();
        var left = ProcessSweeper.KillAll(path, TimeSpan.FromSeconds(15));
        SharedMemorySegments.RemoveOrphans(pidFiles);
        if (left.Count == 0)
        {
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    Directory.Delete(path, recursive: true);
                    break;
                }
                catch (IOException) when (attempt < 5)
                {
                    // A process that just died may still be closing files in it.
                    Thread.Sleep(100);
                }
            }
        }

        return left;
    }
}
