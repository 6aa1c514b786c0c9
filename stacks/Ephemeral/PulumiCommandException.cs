namespace PgPlatform.Stacks.Ephemeral;

/// <summary>A <c>pulumi</c> command exited non-zero or timed out. The message is redacted: it never holds a secret value.</summary>
public sealed class PulumiCommandException(string command, int exitCode, string output)
    : Exception($"'{command}' {(exitCode < 0 ? "timed out" : $"exited {exitCode}")}: {Tail(output)}")
{
    /// <summary>The command line, without any secret (secrets never go into arguments).</summary>
    public string Command { get; } = command;

    /// <summary>The exit code; -1 when it timed out.</summary>
    public int ExitCode { get; } = exitCode;

    private static string Tail(string output)
    {
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length == 0 ? "(no output)" : string.Join(" | ", lines.TakeLast(5));
    }
}
