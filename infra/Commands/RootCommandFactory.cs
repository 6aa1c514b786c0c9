using System.CommandLine;

namespace PgPlatform.Infra.Commands;

/// <summary>Builds the root command for <c>Main</c> and for tests, and runs a command line with usage errors mapped to exit code 2.</summary>
public static class RootCommandFactory
{
    /// <summary>The root command with every subcommand.</summary>
    public static RootCommand Create(CommandContext context) => new("pg-platform: declare PostgreSQL databases in C#, synthesize the Pulumi program and the GitOps tree")
    {
        new CompileCommand(context),
        new SynthCommand(context),
        new CheckCommand(context),
        new RulesCommand(context),
        new CanICommand(context),
        new BenchCommand(context),
    };

    /// <summary>Parses and runs <paramref name="args"/>; a parse error prints the errors and exits <see cref="ExitCodes.Usage"/>.</summary>
    public static async Task<int> RunAsync(string[] args, CommandContext context)
    {
        var parse = Create(context).Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await context.Error.WriteLineAsync($"error: {error.Message}");
            }

            await context.Error.WriteLineAsync("Run with --help for usage.");
            return ExitCodes.Usage;
        }

        return await parse.InvokeAsync(new InvocationConfiguration { Output = context.Out, Error = context.Error });
    }
}
