using System.CommandLine;
using PgPlatform.Components.Contract;
using PgPlatform.Components.Declaration;
using PgPlatform.Components.Model;
using PgPlatform.Components.Settings;
using PgPlatform.Infra.CommandLine;
using PgPlatform.Infra.Platform;
using PgPlatform.Stacks.Rotation;
using PgPlatform.Stacks.Targets;
using PgPlatform.Stacks.Targets.Kubernetes;

namespace PgPlatform.Infra.Commands;

/// <summary>
/// <c>rotate --stack S --app A [--resume | --rollback]</c>: runs the login rotation runbook on the stack's database
/// (Key Vault, External Secrets, CNPG managed roles, a rolling restart of the application), printing each change.
/// </summary>
public sealed class RotateCommand : Command
{
    private readonly CommandContext _context;

    /// <summary>Creates the command; <paramref name="connect"/> (tests) replaces how the stack's database is reached.</summary>
    public RotateCommand(CommandContext context, Func<DeclaredStack, DeclaredDatabase, string?, Action<string>, CancellationToken, Task<ICredentialTarget>>? connect = null)
        : base("rotate", "Rotate the application's database login without downtime: a new password for the inactive login role (Key Vault), applied by CNPG, the application's Secret switched to it, its Deployment restarted, new logins verified, the old login disabled (login: false), its sessions ended and a login with it refused. Each step prints what it changed; the progress is an annotation on the application's ExternalSecret, so an interrupted rotation is finished with --resume or undone with --rollback. Exit 0 done (the old login refused, none of its sessions left), 1 failed (the message says how to resume or roll back), 2 usage error or unreadable stack file, 3 the database could not be reached.")
    {
        _context = context;
        Connect = connect ?? ConnectAsync;
        Options.Add(Stack);
        Options.Add(App);
        Options.Add(Resume);
        Options.Add(RollBack);
        Options.Add(Kubeconfig);
        Options.Add(ProjectDir);
        SetAction((parse, cancellationToken) => RunAsync(parse, cancellationToken));
    }

    /// <summary>The stack.</summary>
    public Option<string> Stack { get; } = new("--stack") { Description = "The stack (e.g. prod)", Required = true };

    /// <summary>The application.</summary>
    public Option<string> App { get; } = new("--app") { Description = "The application whose login rotates", Required = true };

    /// <summary>Finish an interrupted rotation.</summary>
    public Option<bool> Resume { get; } = new("--resume") { Description = "Finish the rotation in progress from its last recorded step" };

    /// <summary>Undo an interrupted rotation.</summary>
    public Option<bool> RollBack { get; } = new("--rollback") { Description = "Return the application to the login it used before the rotation in progress" };

    /// <summary>kubeconfig.</summary>
    public Option<string?> Kubeconfig { get; } = new("--kubeconfig") { Description = "kubeconfig file (default: KUBECONFIG or ~/.kube/config); the context is the stack's" };

    /// <summary>Pulumi project directory.</summary>
    public Option<string?> ProjectDir { get; } = new("--project-dir") { Description = "Directory holding Pulumi.yaml (default: the working directory)" };

    /// <summary>How the database of a declared stack is reached.</summary>
    public Func<DeclaredStack, DeclaredDatabase, string?, Action<string>, CancellationToken, Task<ICredentialTarget>> Connect { get; }

    private async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var (stack, app, resume, rollBack) = (parse.GetValue(Stack)!, parse.GetValue(App)!, parse.GetValue(Resume), parse.GetValue(RollBack));
        if (resume && rollBack)
        {
            return await _context.FailAsync(ExitCode.Usage, "--resume and --rollback exclude each other: pick one");
        }

        ICredentialTarget target;
        try
        {
            var declared = DeclaredStack.Load(Path.GetFullPath(parse.GetValue(ProjectDir) ?? ".", _context.CurrentDirectory), stack, ApplicationCatalog.All);
            target = await Connect(declared, declared.Database(app), parse.GetValue(Kubeconfig), _context.Out.WriteLine, cancellationToken);
        }
        catch (Exception e) when (e is SettingsException or DeclarationException or ContractViolationException)
        {
            return await _context.FailAsync(InputFailure.CodeOf(e), e.Message);
        }
        catch (TargetUnavailableException e)
        {
            return await _context.FailAsync(ExitCode.TargetUnavailable, e.Message);
        }

        var command = $"rotate --stack {stack} --app {app}";
        var runbook = new RotationRunbook(target, _context.Out.WriteLine, howToResume: ($"run `{command} --resume`", $"run `{command} --rollback`"));
        try
        {
            if (rollBack)
            {
                await runbook.RollBackAsync(cancellationToken);
                return (int)ExitCode.Success;
            }

            var outcome = resume ? await runbook.ResumeAsync(cancellationToken) : await runbook.RotateAsync(cancellationToken);
            // The runbook's last checks: a rotation that leaves the old login usable, or sessions of it, is not done.
            if (outcome.OldLoginRefusal is null)
            {
                return await _context.FailAsync(ExitCode.Failed, $"{outcome.OldRole} still logs in after the rotation: its login was not disabled; check the Cluster's spec.managed.roles and run `{command}` again");
            }

            if (outcome.OldSessionsLeft > 0)
            {
                return await _context.FailAsync(ExitCode.Failed, $"{outcome.OldSessionsLeft} session(s) of {outcome.OldRole} are left after the rotation: end them (pg_terminate_backend) and find the client that keeps logging in as {outcome.OldRole}");
            }

            return (int)ExitCode.Success;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return await _context.FailAsync(ExitCode.Cancelled, $"cancelled: the steps done are recorded; run `{command} --resume` to finish or `{command} --rollback` to undo");
        }
        catch (Exception e) when (e is RotationInterruptedException or RotationInProgressException or InvalidOperationException or TimeoutException or NotSupportedException)
        {
            return await _context.FailAsync(ExitCode.Failed, e.Message);
        }
        finally
        {
            if (target is IAsyncDisposable disposable)
            {
                await disposable.DisposeAsync();
            }
        }
    }

    private static async Task<ICredentialTarget> ConnectAsync(DeclaredStack stack, DeclaredDatabase database, string? kubeconfig, Action<string> progress, CancellationToken cancellationToken)
    {
        var kubernetes = KubernetesConnection.Create(kubeconfig, stack.Settings.KubeContext);
        return await KubernetesTarget.StartAsync(kubernetes, KubernetesTargetOptions.For(database), new PodPortForwarder(kubernetes), KeyVaultSecretStore.ForVault(stack.Settings.KeyVaultName), progress, cancellationToken);
    }
}
