using PgPlatform.Infra.CommandLine;
using PgPlatform.Infra.Commands;
using PgPlatform.Testing;

namespace PgPlatform.Infra.Tests;

/// <summary>Runs real command lines against the real root command, capturing what a console would show.</summary>
internal static class InfraRunner
{
    public sealed record Result(ExitCode ExitCode, string Out, string Error);

    public static async Task<Result> RunAsync(string commandLine, IReadOnlyDictionary<string, string>? environment = null, string? directory = null) =>
        await RunAsync(commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries), environment, directory);

    public static async Task<Result> RunAsync(string[] args, IReadOnlyDictionary<string, string>? environment = null, string? directory = null)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var context = new CommandContext(output, error, name => environment?.GetValueOrDefault(name), directory ?? SharedSchemas.RepoRoot);
        var code = await RootCommandFactory.RunAsync(args, context);
        return new Result((ExitCode)code, output.ToString(), error.ToString());
    }
}
