using System.CommandLine;
using PgPlatform.Infra.CommandLine;
using PgPlatform.Infra.Commands;
using PgPlatform.Stacks.GitOps;
using PgPlatform.Stacks.Tests.Targets.Kubernetes;

namespace PgPlatform.Stacks.Tests.GitOps;

public sealed class GitOpsCommandTests
{
    private const string DbApp = "/apis/argoproj.io/v1alpha1/namespaces/team-argo/applications/wikijs-db-dev";
    private const string Cluster = "/apis/postgresql.cnpg.io/v1/namespaces/wikijs-dev/clusters/wikijs-db";
    private readonly StringWriter _out = new();
    private readonly StringWriter _error = new();
    private (string? Kubeconfig, string? Context) _connectedWith;

    [Fact]
    public async Task PausePrintsEachChangeAndExits0()
    {
        var api = new FakeKubernetesApi().On("GET", DbApp, """{"spec":{"syncPolicy":{"automated":{"prune":true,"selfHeal":true}}}}""").On("PATCH", DbApp, "{}").On("PATCH", Cluster, "{}");

        var exit = await RunAsync(api, "gitops pause --app wikijs --env dev --reason INC-7 --database-only --argocd-namespace team-argo --kubeconfig /k/config --context aks-dev");

        Assert.Equal((int)ExitCode.Success, exit);
        Assert.Equal(("/k/config", "aks-dev"), _connectedWith);
        var lines = _out.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Application team-argo/wikijs-db-dev: sync policy automated (prune=true, selfHeal=true) -> manual", lines[0]);
        Assert.Matches("""^Cluster wikijs-dev/wikijs-db: annotated pg-platform.io/incident="INC-7", pg-platform.io/paused-at=\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$""", lines[1]);
        Assert.Equal("", _error.ToString());
    }

    [Fact]
    public async Task ResumeOfAnUnknownApplicationIsAnErrorOnStderrWithExit1()
    {
        var exit = await RunAsync(new FakeKubernetesApi(), "gitops resume --app nope --env dev");

        Assert.Equal((int)ExitCode.Failed, exit);
        Assert.StartsWith("error: Application argocd/nope-db-dev not found", _error.ToString(), StringComparison.Ordinal);
        Assert.Equal("", _out.ToString());
    }

    [Theory]
    [InlineData("gitops pause --app linkding --env prod")]
    [InlineData("gitops resume --app linkding")]
    [InlineData("gitops pause --env prod --reason r")]
    public void AMissingRequiredOptionIsAParseError(string commandLine)
    {
        var root = Root(new FakeKubernetesApi());

        Assert.NotEmpty(root.Parse(commandLine).Errors);
    }

    [Fact]
    public void OptionsAreExposedForInspection()
    {
        var gitops = new GitOpsCommand(new CommandContext(_out, _error, _ => null, "/"), (_, _) => new FakeKubernetesApi().Client);

        Assert.Equal(["pause", "resume"], gitops.Subcommands.Select(c => c.Name));
        Assert.True(gitops.Pause.Reason.Required);
        Assert.Equal("argocd", gitops.Resume.ArgoCdNamespace.DefaultValueFactory!(null!));
    }

    private async Task<int> RunAsync(FakeKubernetesApi api, string commandLine)
    {
        var parse = Root(api).Parse(commandLine);
        Assert.Empty(parse.Errors);
        return await parse.InvokeAsync(new InvocationConfiguration { Output = _out, Error = _error });
    }

    private RootCommand Root(FakeKubernetesApi api) => new("test")
    {
        new GitOpsCommand(new CommandContext(_out, _error, _ => null, "/"), (kubeconfig, context) =>
        {
            _connectedWith = (kubeconfig, context);
            return api.Client;
        }),
    };
}
