using PgPlatform.Infra.Platform;
using System.Text;
using System.CommandLine;
using PgPlatform.Components.Settings;
using PgPlatform.Components.Declaration;
using PgPlatform.Infra.CommandLine;

namespace PgPlatform.Infra.Commands;

/// <summary>
/// <c>compile</c>: the Pulumi YAML compiler. Pulumi runs it with <c>PULUMI_STACK</c> and <c>PULUMI_CONFIG</c>
/// and reads the program from standard output.
/// </summary>
public sealed class CompileCommand : Command
{
    /// <summary>Creates the command.</summary>
    public CompileCommand(CommandContext context)
        : base("compile", "Print the Pulumi YAML program of $PULUMI_STACK, configured by $PULUMI_CONFIG (JSON). Pulumi.yaml names this command as its compiler. Settings: README.md 'Stack settings' (pg-platform:databases[].recoverFrom {stack, backupId?, targetTime?} restores a database from another stack's backups). Exit 0 printed, 1 bad settings or contract violations, 2 usage error.")
    {
        SetAction(_ => CommandRunner.Run(context, () =>
        {
            var stack = context.GetEnvironmentVariable("PULUMI_STACK");
            if (string.IsNullOrWhiteSpace(stack))
            {
                throw new SettingsException("PULUMI_STACK is not set. Fix: run compile through Pulumi (pulumi up -s <stack>), or set PULUMI_STACK and PULUMI_CONFIG yourself");
            }

            var config = StackConfigSources.FromPulumiConfig(context.GetEnvironmentVariable("PULUMI_CONFIG"));
            var settings = StackSettingsParser.Parse(stack, config, "PULUMI_CONFIG");
            context.Out.Write(Encoding.UTF8.GetString(StackSynthesis.Program(settings, StackSynthesis.Model(settings, ApplicationCatalog.All)).Span));
            return (int)ExitCode.Success;
        }));
    }
}
