using System.Globalization;

namespace PgPlatform.Infra.CommandLine;

/// <summary>
/// One run per directory: an exclusive lock on <c>DIR/.pg-platform.lock</c>, held for the run's life. The lock is the
/// operating system's (<see cref="FileShare.None"/>, an <c>flock</c> on Linux), so a run that crashes or is killed
/// releases it with its process and never leaves a false "held". Who holds it (pid, start time, command) is written
/// beside it, to <c>DIR/.pg-platform.lock.holder</c>, for the refusal's message.
/// </summary>
public sealed class RunLock : IDisposable
{
    /// <summary>The lock file's name inside the directory.</summary>
    public const string FileName = ".pg-platform.lock";

    private readonly FileStream _lock;
    private readonly string _holder;

    private RunLock(FileStream @lock, string holder)
    {
        _lock = @lock;
        _holder = holder;
    }

    /// <summary>
    /// Takes the lock of <paramref name="directory"/> (which must exist) for <paramref name="command"/>. Returns null, with
    /// <paramref name="error"/> naming the holder and the fix, when another run holds it.
    /// </summary>
    public static RunLock? TryTake(string directory, string command, string option, out string? error)
    {
        var path = Path.Combine(directory, FileName);
        var holder = path + ".holder";
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            var who = File.Exists(holder) ? File.ReadAllText(holder).Trim() : "a process that has not said who it is";
            error = $"another run holds {path} ({who}): one {command} at a time per {option}. Fix: wait for it to end, or give another {option}.";
            return null;
        }

        var started = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        File.WriteAllText(holder, $"pid {Environment.ProcessId}, {command}, started {started}\n");
        error = null;
        return new RunLock(stream, holder);
    }

    /// <summary>Releases the lock and removes its files (so a directory the run created can go again).</summary>
    public void Dispose()
    {
        var path = _lock.Name;
        File.Delete(_holder);
        File.Delete(path);
        _lock.Dispose();
    }
}
