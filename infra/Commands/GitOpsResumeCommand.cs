using k8s;
using PgPlatform.Infra.CommandLine;
using PgPlatform.Stacks.GitOps;

namespace PgPlatform.Infra.Commands;

/// <summary><c>gitops resume --app A --env E</c>: automated sync with prune and self-heal again, incident annotation removed.</summary>
public sealed class GitOpsResumeCommand : GitOpsSubcommand
{
    /// <summary>Creates the command.</summary>
    public GitOpsResumeCommand(CommandContext context, Func<string?, string?, IKubernetes> connect)
        : base("resume", "Hand an application back to Argo CD after an incident: automated sync with prune and self-heal, incident annotation removed from its CNPG Cluster. Prints each change. Exit 0 done, 1 failed, 2 usage error.", context, connect) =>
        SetWork((gitops, target, _, cancellationToken) => gitops.ResumeAsync(target, cancellationToken));
}
