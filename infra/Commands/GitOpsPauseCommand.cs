using System.CommandLine;
using k8s;
using PgPlatform.Infra.CommandLine;
using PgPlatform.Stacks.GitOps;

namespace PgPlatform.Infra.Commands;

/// <summary><c>gitops pause --app A --env E --reason R</c>: manual sync for the application's Argo CD Applications, incident annotation on its Cluster.</summary>
public sealed class GitOpsPauseCommand : GitOpsSubcommand
{
    /// <summary>Creates the command.</summary>
    public GitOpsPauseCommand(CommandContext context, Func<string?, string?, IKubernetes> connect)
        : base("pause", "Stop Argo CD from syncing an application during an incident: its Applications go to manual sync and its CNPG Cluster is annotated with the reason and the UTC time. Prints each change. Exit 0 done, 1 failed, 2 usage error.", context, connect)
    {
        Options.Add(Reason);
        SetWork((gitops, target, parse, cancellationToken) => gitops.PauseAsync(target, parse.GetValue(Reason)!, cancellationToken));
    }

    /// <summary>Why GitOps is paused.</summary>
    public Option<string> Reason { get; } = new("--reason") { Description = "The incident, e.g. 'INC-1234 restore in progress'", Required = true };
}
