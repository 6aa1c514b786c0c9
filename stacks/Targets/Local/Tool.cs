using CliWrap;
using CliWrap.Buffered;

namespace PgPlatform.Stacks.Targets.Local;

/// <summary>Runs a short-lived command to completion and returns what it said; a non-zero exit is an error with its output.</summary>
internal static class Tool
{
    /// <summary>Runs <paramref name="file"/> and returns stdout; throws <see cref="ToolFailedException"/> on a non-zero exit.</summary>
    public static async Task<string> RunAsync(string file, IReadOnlyList<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken, TimeSpan? timeout = null)
    {
        var result = await TryRunAsync(file, arguments, workingDirectory, environment, cancellationToken, timeout);
        if (result.ExitCode != 0)
        {
            throw new ToolFailedException(Path.GetFileName(file), result.ExitCode, result.StandardError.Length > 0 ? result.StandardError : result.StandardOutput);
        }

        return result.StandardOutput;
    }

    /// <summary>Runs <paramref name="file"/> in <paramref name="workingDirectory"/> (also its <c>TMPDIR</c>) and returns its exit code and output whatever the exit code.</summary>
    public static async Task<BufferedCommandResult> TryRunAsync(string file, IReadOnlyList<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken, TimeSpan? timeout = null)
    {
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(timeout ?? TimeSpan.FromMinutes(2));
        try
        {
            return await Cli.Wrap(file)
                .WithArguments(arguments)
                .WithWorkingDirectory(workingDirectory)
                .WithEnvironmentVariables(WithTemporaryDirectory(environment, workingDirectory))
                .WithValidation(CommandResultValidation.None)
                .ExecuteBufferedAsync(bounded.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ToolFailedException(Path.GetFileName(file), -1, $"timed out after {(timeout ?? TimeSpan.FromMinutes(2)).TotalSeconds:F0} s");
        }
    }

    /// <summary>
    /// <paramref name="environment"/> with <c>TMPDIR</c> set to <paramref name="workingDirectory"/> (inside the run directory)
    /// unless it sets one: a barman-cloud-backup cancelled mid-way never removes its <c>barman-cloud-backup-*</c> directory
    /// (Debian's barman/clients/cloud_backup.py makes it with <c>tempfile.mkdtemp(prefix="barman-cloud-backup-")</c>, which reads TMPDIR, and removes it in a <c>finally</c> a kill skips), and teardown deletes the run directory.
    /// </summary>
    private static Dictionary<string, string?> WithTemporaryDirectory(IReadOnlyDictionary<string, string> environment, string workingDirectory)
    {
        var variables = new Dictionary<string, string?> { ["TMPDIR"] = workingDirectory };
        foreach (var (key, value) in environment)
        {
            variables[key] = value;
        }

        return variables;
    }
}
