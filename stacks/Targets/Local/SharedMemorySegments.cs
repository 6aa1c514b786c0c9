using System.Globalization;

namespace PgPlatform.Stacks.Targets.Local;

/// <summary>
/// Removes the SysV segments a killed postmaster leaves behind. A postmaster that gets SIGQUIT removes its
/// own, but one killed with SIGKILL (the failover drill's fault) does not, and a later run must not find it.
/// </summary>
internal static class SharedMemorySegments
{
    /// <summary>Removes each segment named in <paramref name="pidFiles"/> that still exists with the same key and no process attached.</summary>
    public static int RemoveOrphans(IEnumerable<PostmasterPidFile> pidFiles)
    {
        var live = Read();
        var removed = 0;
        foreach (var file in pidFiles)
        {
            if (file.SharedMemoryId is { } id
                && live.TryGetValue(id, out var segment)
                && segment.Key == file.SharedMemoryKey
                && segment.Attached == 0
                && NativeMethods.RemoveSharedMemory(id))
            {
                removed++;
            }
        }

        return removed;
    }

    /// <summary>Segments by id from /proc/sysvipc/shm (columns: key shmid perms size cpid lpid nattch ...).</summary>
    private static Dictionary<int, (long Key, int Attached)> Read()
    {
        var segments = new Dictionary<int, (long, int)>();
        if (!File.Exists("/proc/sysvipc/shm"))
        {
            return segments;
        }

        foreach (var line in File.ReadLines("/proc/sysvipc/shm").Skip(1))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length > 6
                && long.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var key)
                && int.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var id)
                && int.TryParse(parts[6], NumberStyles.Integer, CultureInfo.InvariantCulture, out var attached))
            {
                segments[id] = (key, attached);
            }
        }

        return segments;
    }
}
