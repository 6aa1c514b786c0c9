using PgPlatform.Infra.CommandLine;
using PgPlatform.Infra.Commands;

namespace PgPlatform.Stacks.Tests;

/// <summary>Runs real command lines against the real root command, capturing what a console would show.</summary>
internal static class StacksRunner
{
    public sealed record Result(int ExitCode, string Out, string Error);

    public static async Task<Result> RunAsync(string commandLine, IReadOnlyDictionary<string, string>? environment = null) =>
        await RunAsync(commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries), environment);

    public static async Task<Result> RunAsync(string[] args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var context = new CommandContext(TextWriter.Synchronized(output), TextWriter.Synchronized(error), name => environment?.GetValueOrDefault(name), Directory.GetCurrentDirectory());
        var code = await RootCommandFactory.RunAsync(args, context);
        return new Result(code, output.ToString(), error.ToString());
    }
}
