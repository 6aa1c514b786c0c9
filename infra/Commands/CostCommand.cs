using System.CommandLine;
using PgPlatform.Components.Contract;
using PgPlatform.Components.Declaration;
using PgPlatform.Components.Model;
using PgPlatform.Components.Settings;
using PgPlatform.Infra.CommandLine;
using PgPlatform.Infra.Platform;
using PgPlatform.Stacks.Nightly.Cost;
using PgPlatform.Stacks.Nightly.Scheduling;

namespace PgPlatform.Infra.Commands;

/// <summary><c>cost --stack S [--project-dir DIR]</c>: what a stack's databases hold, per tier and per team.</summary>
public sealed class CostCommand : Command
{
    /// <summary>Creates the command.</summary>
    public CostCommand(CommandContext context)
        : base("cost", "Print what a stack's databases hold, per tier and per team, from what they declare: CPU and memory requests, data and WAL volumes, backup storage in the recovery window (upper bound), and drill-hours per week at the tier's evidence objective. Exit 0, 1 bad stack, 2 usage error or unreadable stack file.")
    {
        Options.Add(Stack);
        Options.Add(ProjectDir);
        Options.Add(DrillDuration);
        SetAction(async parse =>
        {
            TimeSpan duration;
            try
            {
                duration = Durations.Parse(parse.GetValue(DrillDuration)!, "--drill-duration");
            }
            catch (ArgumentException e)
            {
                return await context.FailAsync(ExitCode.Usage, e.Message);
            }

            try
            {
                var projectDir = Path.GetFullPath(parse.GetValue(ProjectDir) ?? ".", context.CurrentDirectory);
                var stack = DeclaredStack.Load(projectDir, parse.GetValue(Stack)!, ApplicationCatalog.All);
                var lines = FleetCost.Of(stack, [], new SchedulerOptions { DefaultDrillDuration = duration });
                await context.Out.WriteAsync($"cost of stack {stack.Settings.Stack} ({stack.Databases.Count} database(s), drills of {duration.TotalMinutes:0} min each)\n\n{FleetCost.ToMarkdown(lines)}");
                return (int)ExitCode.Success;
            }
            catch (Exception e) when (e is SettingsException or DeclarationException or ContractViolationException)
            {
                return await context.FailAsync(InputFailure.CodeOf(e), e.Message);
            }
        });
    }

    /// <summary>The stack.</summary>
    public Option<string> Stack { get; } = new("--stack") { Description = "Stack whose databases (Pulumi.<stack>.yaml) are costed", Required = true };

    /// <summary>The Pulumi project directory.</summary>
    public Option<string?> ProjectDir { get; } = new("--project-dir") { Description = "Directory holding Pulumi.yaml and the stack files (default: the working directory)" };

    /// <summary>Expected drill duration.</summary>
    public Option<string> DrillDuration { get; } = new("--drill-duration") { Description = "Expected drill duration per database (e.g. 45m), for drill-hours per week", DefaultValueFactory = _ => "45m" };
}
