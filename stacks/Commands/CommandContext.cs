namespace PgPlatform.Stacks.Commands;

/// <summary>What commands read from and write to outside their arguments, so tests can run them without a console.</summary>
public sealed record CommandContext(TextWriter Out, TextWriter Error, Func<string, string?> GetEnvironmentVariable, string CurrentDirectory)
{
    /// <summary>The process's console, environment and working directory.</summary>
    public static CommandContext FromProcess() =>
        new(Console.Out, Console.Error, Environment.GetEnvironmentVariable, Directory.GetCurrentDirectory());
}
