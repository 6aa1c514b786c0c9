using PgPlatform.Infra.Platform;
using System.CommandLine;
using PgPlatform.Infra.Reports;
using PgPlatform.Components.Settings;
using PgPlatform.Components.Declaration;
using PgPlatform.Infra.CommandLine;

namespace PgPlatform.Infra.Commands;

/// <summary><c>synth --stack S --out DIR</c>: writes DIR/program.yaml and the GitOps tree DIR/gitops, and says what would be deployed.</summary>
public sealed class SynthCommand : Command
{
    /// <summary>The stack whose program is written.</summary>
    public Option<string> Stack { get; } = new("--stack") { Description = "Stack to synthesize (reads Pulumi.<stack>.yaml)", Required = true };

    /// <summary>The output directory.</summary>
    public Option<string> Out { get; } = new("--out") { Description = "Directory to write program.yaml and gitops/ into; replaced whole, all at once (a failure leaves it as it was); a non-empty directory pg-platform did not write is refused", Required = true };

    /// <summary>Replace an output directory pg-platform did not write.</summary>
    public Option<bool> Force { get; } = new("--force") { Description = "Replace --out even if pg-platform did not write it (everything in it is removed)" };

    /// <summary>The Pulumi project directory.</summary>
    public Option<string?> ProjectDir { get; } = new("--project-dir") { Description = "Directory holding Pulumi.yaml and the stack files (default: nearest ancestor of the working directory with a Pulumi.yaml)" };

    /// <summary>Creates the command.</summary>
    public SynthCommand(CommandContext context)
        : base("synth", "Write the Pulumi program of one stack (DIR/program.yaml, identical to what compile prints) and the GitOps tree of all stacks (DIR/gitops). Exit 0 written, 1 bad settings or contract violations (nothing written), 2 usage error or unreadable stack file.")
    {
        Options.Add(Stack);
        Options.Add(Out);
        Options.Add(Force);
        Options.Add(ProjectDir);
        SetAction(parse => CommandRunner.Run(context, () =>
        {
            var projectDir = ProjectDirectory.Find(parse.GetValue(ProjectDir), context.CurrentDirectory);
            var output = ProjectSynthesis.Write(projectDir, parse.GetValue(Stack)!, Path.GetFullPath(parse.GetValue(Out)!, context.CurrentDirectory), ApplicationCatalog.All, parse.GetValue(Force));
            context.Out.WriteLine($"stack {output.Stack.Stack} ({output.Stack.Tier.Name}): {string.Join(", ", output.Stack.Databases.Select(d => d.Name))}");
            foreach (var line in DeploymentSummary.Lines(output.Model))
            {
                context.Out.WriteLine(line);
            }

            context.Out.WriteLine($"wrote {output.ProgramPath} and {output.GitOpsFiles} files under {output.GitOpsDirectory}");
            return (int)ExitCode.Success;
        }));
    }
}
