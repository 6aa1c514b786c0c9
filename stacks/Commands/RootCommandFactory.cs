using System.CommandLine;

namespace PgPlatform.Stacks.Commands;

/// <summary>Builds the root command for <c>Main</c> and for tests, and runs a command line with usage errors mapped to exit code 2.</summary>
public static class RootCommandFactory
{
    /// <summary>Time the driver gets after Ctrl-C or SIGTERM to tear the target down before the process ends.</summary>
    public static readonly TimeSpan TeardownGrace = TimeSpan.FromSeconds(30);

    /// <summary>The root command with every subcommand.</summary>
    public static RootCommand Create(CommandContext context) => new("pg-platform-stacks: run drills (failover, restore, rotation, backup health) against a target and write evidence; nightly fleet drills; GitOps pause and resume")
    {
        new DrillCommand(context),
        new Nightly.NightlyCommand(context),
        new GitOps.GitOpsCommand(context),
    };

    /// <summary>Parses and runs <paramref name="args"/>; a parse error prints the errors and exits 2.</summary>
    public static async Task<int> RunAsync(string[] args, CommandContext context, CancellationToken cancellationToken = default)
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

        return await parse.InvokeAsync(new InvocationConfiguration { Output = context.Out, Error = context.Error, ProcessTerminationTimeout = TeardownGrace }, cancellationToken);
    }
}
