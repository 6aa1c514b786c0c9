using System.Text;
using CliWrap;
using CliWrap.Buffered;

namespace PgPlatform.Stacks.Ephemeral;

/// <summary>
/// Runs the <c>pulumi</c> CLI the way Pulumi's Automation API does: one process per command, a fixed
/// environment, output captured, a non-zero exit an exception whose text is redacted. Cancellation first
/// interrupts the CLI (SIGINT, so it can release its stack lock) and kills it only after a grace period.
/// </summary>
public sealed class PulumiCli
{
    private readonly string _executable;
    private readonly string _workingDirectory;
    private readonly IReadOnlyDictionary<string, string?> _environment;
    private readonly Redactor _redactor;
    private readonly Action<string> _log;

    private PulumiCli(string executable, string workingDirectory, IReadOnlyDictionary<string, string?> environment, Redactor redactor, Action<string> log)
    {
        _executable = executable;
        _workingDirectory = workingDirectory;
        _environment = environment;
        _redactor = redactor;
        _log = log;
    }

    /// <summary>Time the CLI gets to stop after an interrupt before it is killed.</summary>
    public static TimeSpan InterruptGrace { get; } = TimeSpan.FromSeconds(20);

    /// <summary>The CLI's full path.</summary>
    public string Executable => _executable;

    /// <summary>
    /// Finds the CLI: <paramref name="explicitPath"/> if given, else <c>pulumi</c> on <paramref name="searchPath"/>.
    /// Throws <see cref="PulumiNotFoundException"/> naming where it looked and how to install it.
    /// </summary>
    public static PulumiCli Locate(string? explicitPath, string? searchPath, string workingDirectory, IReadOnlyDictionary<string, string?> environment, Redactor redactor, Action<string> log)
    {
        if (explicitPath is not null)
        {
            return File.Exists(explicitPath)
                ? new PulumiCli(Path.GetFullPath(explicitPath), workingDirectory, environment, redactor, log)
                : throw new PulumiNotFoundException(explicitPath);
        }

        var directories = (searchPath ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        var found = directories.Select(d => Path.Combine(d, "pulumi")).FirstOrDefault(File.Exists);
        return found is not null
            ? new PulumiCli(found, workingDirectory, environment, redactor, log)
            : throw new PulumiNotFoundException(directories.Length == 0 ? "PATH is empty" : $"no 'pulumi' in PATH: {string.Join(Path.PathSeparator, directories)}");
    }

    /// <summary>Runs <c>pulumi <paramref name="arguments"/></c> and returns its standard output; throws <see cref="PulumiCommandException"/> on a non-zero exit or after <paramref name="timeout"/>.</summary>
    public async Task<string> RunAsync(IReadOnlyList<string> arguments, TimeSpan timeout, CancellationToken cancellationToken, string? standardInput = null)
    {
        var display = "pulumi " + string.Join(' ', arguments);
        _log(display);
        using var timedOut = new CancellationTokenSource(timeout);
        using var interrupt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timedOut.Token);
        using var kill = new CancellationTokenSource();
        await using var escalate = interrupt.Token.Register(() => kill.CancelAfter(InterruptGrace));
        var command = Cli.Wrap(_executable)
            .WithArguments(arguments)
            .WithWorkingDirectory(_workingDirectory)
            .WithEnvironmentVariables(_environment)
            .WithValidation(CommandResultValidation.None);
        if (standardInput is not null)
        {
            command = command.WithStandardInputPipe(PipeSource.FromString(standardInput));
        }

        BufferedCommandResult result;
        try
        {
            result = await command.ExecuteBufferedAsync(Encoding.UTF8, Encoding.UTF8, kill.Token, interrupt.Token);
        }
        catch (OperationCanceledException) when (timedOut.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new PulumiCommandException(display, -1, $"no exit within {timeout.TotalSeconds:F0} s");
        }

        if (cancellationToken.IsCancellationRequested)
        {
            // An interrupted CLI may exit 0 or not; either way the caller asked to stop.
            throw new OperationCanceledException($"'{display}' was cancelled", cancellationToken);
        }

        if (result.ExitCode != 0)
        {
            var output = result.StandardError.Trim().Length > 0 ? result.StandardOutput + "\n" + result.StandardError : result.StandardOutput;
            throw new PulumiCommandException(_redactor.Redact(display), result.ExitCode, _redactor.Redact(output));
        }

        return result.StandardOutput;
    }
}
