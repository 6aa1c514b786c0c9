namespace PgPlatform.Stacks.Targets.Local;

/// <summary>A command the local target ran exited non-zero (or timed out); <see cref="Detail"/> is the line that says why.</summary>
public sealed class ToolFailedException(string tool, int exitCode, string output)
    : Exception($"{tool} exited {exitCode}: {Summarize(output)}")
{
    /// <summary>The command's file name.</summary>
    public string Tool { get; } = tool;

    /// <summary>Its exit code (-1 for a timeout).</summary>
    public int ExitCode { get; } = exitCode;

    /// <summary>The most telling output: the last line logged as an ERROR (barman's style), else the last lines.</summary>
    public string Detail { get; } = Summarize(output);

    private static string Summarize(string output)
    {
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.LastOrDefault(l => l.Contains("ERROR:", StringComparison.Ordinal)) is { } error)
        {
            var at = error.IndexOf("ERROR:", StringComparison.Ordinal);
            return error[at..];
        }

        return lines.Length == 0 ? "(no output)" : string.Join(" | ", lines.TakeLast(3));
    }
}
