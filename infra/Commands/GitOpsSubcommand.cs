using System.CommandLine;
using k8s;
using PgPlatform.Components.Vocabulary;
using PgPlatform.Stacks.Targets;
using PgPlatform.Infra.CommandLine;
using PgPlatform.Stacks.GitOps;

namespace PgPlatform.Infra.Commands;

/// <summary>What <c>gitops pause</c> and <c>gitops resume</c> share: which application and environment, and which cluster to talk to.</summary>
public abstract class GitOpsSubcommand : Command
{
    private readonly CommandContext _context;
    private readonly Func<string?, string?, IKubernetes> _connect;

    /// <summary>Creates the subcommand; <paramref name="connect"/> builds a client from kubeconfig and context (tests pass a fake).</summary>
    protected GitOpsSubcommand(string name, string description, CommandContext context, Func<string?, string?, IKubernetes> connect)
        : base(name, description)
    {
        _context = context;
        _connect = connect;
        Options.Add(App);
        Options.Add(Env);
        Options.Add(DatabaseOnly);
        Options.Add(ArgoCdNamespace);
        Options.Add(Kubeconfig);
        Options.Add(KubeContext);
    }

    /// <summary>The application.</summary>
    public Option<string> App { get; } = new("--app") { Description = "Application, e.g. linkding", Required = true };

    /// <summary>The environment (stack).</summary>
    public Option<string> Env { get; } = new("--env") { Description = "Environment (the stack name), e.g. prod", Required = true };

    /// <summary>Only the database's Application, not the workload's.</summary>
    public Option<bool> DatabaseOnly { get; } = new("--database-only") { Description = "Act on <app>-db-<env> only, leaving <app>-app-<env> as it is" };

    /// <summary>Argo CD's namespace.</summary>
    public Option<string> ArgoCdNamespace { get; } = new("--argocd-namespace") { Description = "Namespace of Argo CD's Applications", DefaultValueFactory = _ => ArgoCdApi.Namespace };

    /// <summary>The kubeconfig file.</summary>
    public Option<string?> Kubeconfig { get; } = new("--kubeconfig") { Description = "Kubeconfig file (default: $KUBECONFIG, else ~/.kube/config)" };

    /// <summary>The kubeconfig context.</summary>
    public Option<string?> KubeContext { get; } = new("--context") { Description = "Kubeconfig context (default: the current context)" };

    /// <summary>Runs <paramref name="work"/> against the target named on the command line and prints each change; failures go to stderr with exit 1.</summary>
    protected void SetWork(Func<GitOpsSwitch, GitOpsTarget, ParseResult, CancellationToken, Task<IReadOnlyList<string>>> work) =>
        SetAction(async (parse, cancellationToken) =>
        {
            var target = new GitOpsTarget(parse.GetValue(App)!, parse.GetValue(Env)!, parse.GetValue(ArgoCdNamespace)!, !parse.GetValue(DatabaseOnly));
            try
            {
                var client = _connect(parse.GetValue(Kubeconfig), parse.GetValue(KubeContext));
                foreach (var change in await work(new GitOpsSwitch(client, TimeProvider.System), target, parse, cancellationToken))
                {
                    await _context.Out.WriteLineAsync(change);
                }

                return (int)ExitCode.Success;
            }
            catch (Exception e) when (e is GitOpsException or TargetUnavailableException or HttpRequestException)
            {
                return await _context.FailAsync(ExitCode.Failed, e.Message);
            }
        });
}
