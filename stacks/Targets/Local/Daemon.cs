using System.Diagnostics;

namespace PgPlatform.Stacks.Targets.Local;

/// <summary>
/// A long-running process of the local target (etcd, Azurite, a Patroni member, a restored postmaster),
/// in its own session so a Ctrl-C at the terminal reaches only the driver, which then tears it down.
/// Output goes straight to a log file (no pipe for the driver to drain).
/// </summary>
internal sealed class Daemon
{
    private readonly Process _process;

    private Daemon(string name, Process process, string logPath)
    {
        Name = name;
        _process = process;
        LogPath = logPath;
    }

    /// <summary>Short name for progress lines and errors.</summary>
    public string Name { get; }

    /// <summary>The log file its stdout and stderr are appended to.</summary>
    public string LogPath { get; }

    /// <summary>The process id (of the program itself: sh, setsid and setpriv all exec in place).</summary>
    public int Pid => _process.Id;

    /// <summary>True once the process has exited.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Starts <paramref name="argv"/> in <paramref name="workingDirectory"/> (also its <c>TMPDIR</c>, unless <paramref name="environment"/> sets one) as <paramref name="runAs"/>.</summary>
    public static Daemon Start(string name, IReadOnlyList<string> argv, string workingDirectory, string logPath, RunAs runAs, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("/bin/sh") { WorkingDirectory = workingDirectory, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("exec \"$@\" >>\"$0\" 2>&1 </dev/null");
        start.ArgumentList.Add(logPath);
        start.ArgumentList.Add("setsid");
        foreach (var arg in runAs.Prefix.Concat(argv))
        {
            start.ArgumentList.Add(arg);
        }

        // Temp files of the process and its children (PostgreSQL's archive_command, barman-cloud) go into the run
        // directory, which teardown deletes, never into the system's temp directory.
        start.Environment["TMPDIR"] = workingDirectory;
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {name}");
        return new Daemon(name, process, logPath);
    }

    /// <summary>Sends SIGKILL and waits (bounded) for the exit.</summary>
    public void Kill() => Signal(NativeMethods.SigKill);

    /// <summary>Sends <paramref name="signal"/> and waits up to 10 s for the exit.</summary>
    public void Signal(int signal)
    {
        if (!_process.HasExited)
        {
            NativeMethods.Signal(_process.Id, signal);
        }

        _process.WaitForExit(TimeSpan.FromSeconds(10));
    }

    /// <summary>The last lines of its log for error messages, led by its last FATAL or PANIC line (the reason, which the shutdown lines after it bury).</summary>
    public string LogTail(int lines = 5)
    {
        try
        {
            var all = File.ReadAllLines(LogPath);
            var fatal = all.LastOrDefault(l => l.Contains("FATAL:", StringComparison.Ordinal) || l.Contains("PANIC:", StringComparison.Ordinal));
            var tail = string.Join(" | ", all.TakeLast(lines));
            return fatal is null ? tail : $"{fatal.Trim()} (log ends: {tail})";
        }
        catch (IOException)
        {
            return "(no log)";
        }
    }
}
