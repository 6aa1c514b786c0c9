using System.Diagnostics;
using System.Globalization;

namespace PgPlatform.Stacks.Targets.Local;

/// <summary>
/// Finds and ends every process that belongs to a run directory. PostgreSQL puts each backend in its own
/// session and Patroni detaches the postmaster from itself, so process groups cannot reach them; but every
/// process the local target starts has its working directory (or, for wrappers, its command line) inside
/// the run directory, which is what this looks for in <c>/proc</c>.
/// </summary>
internal static class ProcessSweeper
{
    /// <summary>Pids (other than this process) whose working directory or command line is inside <paramref name="root"/>.</summary>
    public static IReadOnlyList<int> Find(string root)
    {
        var prefix = root.TrimEnd('/') + "/";
        var self = Environment.ProcessId;
        var found = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || pid == self)
            {
                continue;
            }

            try
            {
                var cwd = new FileInfo(Path.Combine(dir, "cwd")).LinkTarget;
                if (cwd is not null && (cwd + "/").StartsWith(prefix, StringComparison.Ordinal))
                {
                    found.Add(pid);
                    continue;
                }

                var commandLine = File.ReadAllText(Path.Combine(dir, "cmdline"));
                if (commandLine.Contains(prefix, StringComparison.Ordinal))
                {
                    found.Add(pid);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The process ended while we looked, or is not ours to inspect.
            }
        }

        return found;
    }

    /// <summary>
    /// Ends every process of <paramref name="root"/>: postmasters first with SIGQUIT (an immediate shutdown
    /// that still removes their shared memory), then SIGKILL for anything left, until none remain or
    /// <paramref name="timeout"/> passes. Returns the pids still alive at the end (empty on success).
    /// </summary>
    public static IReadOnlyList<int> KillAll(string root, TimeSpan timeout)
    {
        foreach (var pid in PostmasterPids(root))
        {
            NativeMethods.Signal(pid, NativeMethods.SigQuit);
        }

        var clock = Stopwatch.StartNew();
        var graceful = TimeSpan.FromSeconds(Math.Min(3, timeout.TotalSeconds / 2));
        while (true)
        {
            var left = Find(root);
            if (left.Count == 0 || clock.Elapsed > timeout)
            {
                return left;
            }

            if (clock.Elapsed > graceful || PostmasterPids(root).Count == 0)
            {
                foreach (var pid in left)
                {
                    NativeMethods.Signal(pid, NativeMethods.SigKill);
                }
            }

            Thread.Sleep(50);
        }
    }

    /// <summary>Live postmasters of every data directory under <paramref name="root"/>, from their postmaster.pid files.</summary>
    public static IReadOnlyList<int> PostmasterPids(string root) =>
        [.. PostmasterPidFiles(root).Select(PostmasterPidFile.Read).Where(p => p is not null && NativeMethods.IsAlive(p.Pid)).Select(p => p!.Pid)];

    /// <summary>Every postmaster.pid below <paramref name="root"/> (data directories sit two levels down at most).</summary>
    public static IEnumerable<string> PostmasterPidFiles(string root)
    {
        if (!Directory.Exists(root))
        {
            return [];
        }

        return Directory.EnumerateFiles(root, "postmaster.pid", new EnumerationOptions { RecurseSubdirectories = true, MaxRecursionDepth = 3, IgnoreInaccessible = true });
    }
}
