namespace PgPlatform.Testing.Prometheus;

/// <summary>What one promtool run printed, and its exit code (0: every file or test passed).</summary>
public sealed record PromToolResult(int ExitCode, string Output, string Error)
{
    /// <summary>promtool accepted everything.</summary>
    public bool Succeeded => ExitCode == 0;

    /// <summary>Everything promtool printed, for assertion messages.</summary>
    public override string ToString() => $"exit {ExitCode}\n{Output}\n{Error}";
}
