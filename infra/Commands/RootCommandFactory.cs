using System.CommandLine;
using System.CommandLine.Parsing;
using PgPlatform.Infra.CommandLine;

namespace PgPlatform.Infra.Commands;

/// <summary>Builds the root command of <c>pg-platform</c> for <c>Main</c> and for tests, and runs a command line with usage errors mapped to <see cref="ExitCode.Usage"/>.</summary>
public static class RootCommandFactory
{
    /// <summary>Time a drill gets after Ctrl-C or SIGTERM to tear its target down before the process ends.</summary>
    public static readonly TimeSpan TeardownGrace = TimeSpan.FromSeconds(30);

    /// <summary>The root command with every subcommand.</summary>
    public static RootCommand Create(CommandContext context) => new(
        "pg-platform: declare PostgreSQL databases in C#, synthesize the Pulumi program and the GitOps tree, enforce the contract, and prove each database with drills.\n"
        + "Exit codes: 0 success, 1 failed (bad input, violations, a failed drill, can-i no), 2 usage error or unreadable input, 3 drill target unavailable, 4 an ephemeral stack could not be destroyed, 130 interrupted.")
    {
        new CompileCommand(context),
        new SynthCommand(context),
        new CheckCommand(context),
        new RulesCommand(context),
        new CanICommand(context),
        new DrillCommand(context),
        new NightlyCommand(context),
        new CostCommand(context),
        new GitOpsCommand(context),
        new RotateCommand(context),
    };

    /// <summary>Parses and runs <paramref name="args"/>; a parse error prints the errors and exits <see cref="ExitCode.Usage"/>.</summary>
    public static async Task<int> RunAsync(string[] args, CommandContext context, CancellationToken cancellationToken = default)
    {
        var parse = Create(context).Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                context.WriteError(error.Message);
            }

            // A detail of the errors above (indented, like every continuation line), naming the command that was meant.
            await context.Error.WriteLineAsync($"  Run '{string.Join(' ', ["pg-platform", .. CommandPath(parse.CommandResult), "--help"])}' for usage.");
            return (int)ExitCode.Usage;
        }

        return await parse.InvokeAsync(new InvocationConfiguration { Output = context.Out, Error = context.Error, ProcessTerminationTimeout = TeardownGrace }, cancellationToken);
    }

    private static IEnumerable<string> CommandPath(CommandResult? result)
    {
        var names = new Stack<string>();
        for (; result is { Command: not RootCommand }; result = result.Parent as CommandResult)
        {
            names.Push(result.Command.Name);
        }

        return names;
    }
}
