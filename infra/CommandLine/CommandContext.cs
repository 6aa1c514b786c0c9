namespace PgPlatform.Infra.CommandLine;

/// <summary>What commands read from and write to outside their arguments, so tests can run them without a console.</summary>
public sealed record CommandContext(TextWriter Out, TextWriter Error, Func<string, string?> GetEnvironmentVariable, string CurrentDirectory)
{
    /// <summary>The process's console, environment and working directory.</summary>
    public static CommandContext FromProcess() =>
        new(Console.Out, Console.Error, Environment.GetEnvironmentVariable, Directory.GetCurrentDirectory());

    /// <summary>Writes <c>error: MESSAGE</c> as one line on stderr and returns <paramref name="code"/>, so a handler can <c>return context.Fail(...)</c>.</summary>
    public async Task<int> FailAsync(ExitCode code, string message)
    {
        await Error.WriteLineAsync($"error: {message.TrimEnd('\n')}");
        return (int)code;
    }
}
