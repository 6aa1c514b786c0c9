using System.CommandLine;
using k8s;
using PgPlatform.Stacks.Targets.Kubernetes;
using PgPlatform.Infra.CommandLine;
using PgPlatform.Stacks.GitOps;

namespace PgPlatform.Infra.Commands;

/// <summary><c>gitops pause|resume</c>: the emergency switch between GitOps and hands-on incident work.</summary>
public sealed class GitOpsCommand : Command
{
    /// <summary>Creates the command; <paramref name="connect"/> (default: <see cref="KubernetesConnection.Create"/>) builds a client from kubeconfig and context.</summary>
    public GitOpsCommand(CommandContext context, Func<string?, string?, IKubernetes>? connect = null)
        : base("gitops", "Pause or resume GitOps (Argo CD automated sync) for one application during an incident")
    {
        connect ??= KubernetesConnection.Create;
        Pause = new GitOpsPauseCommand(context, connect);
        Resume = new GitOpsResumeCommand(context, connect);
        Subcommands.Add(Pause);
        Subcommands.Add(Resume);
    }

    /// <summary><c>gitops pause</c>.</summary>
    public GitOpsPauseCommand Pause { get; }

    /// <summary><c>gitops resume</c>.</summary>
    public GitOpsResumeCommand Resume { get; }
}
