using System.Globalization;

namespace PgPlatform.Stacks.Targets.Local;

/// <summary>What a postmaster.pid says: the postmaster's pid (line 1) and its SysV segment (line 7: key and id).</summary>
internal sealed record PostmasterPidFile(int Pid, long? SharedMemoryKey, int? SharedMemoryId)
{
    /// <summary>Reads <paramref name="path"/>; null when it is missing or unreadable.</summary>
    public static PostmasterPidFile? Read(string path)
    {
        try
        {
            return Parse(File.ReadAllLines(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Parses the lines of a postmaster.pid; null when the first line is not a pid.</summary>
    public static PostmasterPidFile? Parse(IReadOnlyList<string> lines)
    {
        if (lines.Count == 0 || !int.TryParse(lines[0].Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid))
        {
            return null;
        }

        long? key = null;
        int? id = null;
        if (lines.Count > 6)
        {
            var parts = lines[6].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 2
                && long.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var k)
                && int.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var i))
            {
                key = k;
                id = i;
            }
        }

        return new PostmasterPidFile(pid, key, id);
    }
}
