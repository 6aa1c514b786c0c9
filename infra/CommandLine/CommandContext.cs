namespace PgPlatform.Infra.CommandLine;

/// <summary>What commands read from and write to outside their arguments, so tests can run them without a console.</summary>
public sealed record CommandContext(TextWriter Out, TextWriter Error, Func<string, string?> GetEnvironmentVariable, string CurrentDirectory)
{
    /// <summary>The process's console, environment and working directory.</summary>
    public static CommandContext FromProcess() =>
        new(Console.Out, Console.Error, Environment.GetEnvironmentVariable, Directory.GetCurrentDirectory()) { OutputIsTerminal = !Console.IsOutputRedirected };

    /// <summary>True when <see cref="Out"/> is a terminal (not redirected to a file or pipe); long commands then draw live progress (<see cref="CommandProgress"/>).</summary>
    public bool OutputIsTerminal { get; init; }

    /// <summary>
    /// Writes <paramref name="message"/> on stderr as <c>error: FIRST LINE</c>, each further line indented two spaces,
    /// every line ending in a newline: two errors never run together, and a script finds each by its prefix even
    /// when a message (a tool's output, say) spans lines.
    /// </summary>
    public void WriteError(string message)
    {
        foreach (var line in ErrorLines(message))
        {
            Error.WriteLine(line);
        }
    }

    /// <summary>Writes <paramref name="message"/> as <see cref="WriteError"/> does and returns <paramref name="code"/>, so a handler can <c>return await context.FailAsync(...)</c>.</summary>
    public async Task<int> FailAsync(ExitCode code, string message)
    {
        foreach (var line in ErrorLines(message))
        {
            await Error.WriteLineAsync(line);
        }

        return (int)code;
    }

    private static IEnumerable<string> ErrorLines(string message)
    {
        var lines = message.ReplaceLineEndings("\n").Split('\n').Where(l => l.Trim().Length > 0).ToList();
        yield return $"error: {(lines.Count > 0 ? lines[0] : "failed")}";
        foreach (var line in lines.Skip(1))
        {
            yield return $"  {line}";
        }
    }
}
