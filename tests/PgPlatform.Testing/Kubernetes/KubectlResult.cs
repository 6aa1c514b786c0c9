namespace PgPlatform.Testing.Kubernetes;

/// <summary>What a finished kubectl run printed and how it exited.</summary>
/// <param name="ExitCode">The process exit code; 0 means success.</param>
/// <param name="StandardOutput">Everything written to stdout.</param>
/// <param name="StandardError">Everything written to stderr.</param>
public sealed record KubectlResult(int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>Whether kubectl exited with code 0.</summary>
    public bool Succeeded => ExitCode == 0;
}
