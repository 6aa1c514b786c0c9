using System.CommandLine;
using PgPlatform.Infra.CommandLine;
using PgPlatform.Infra.Commands;
using PgPlatform.Stacks.Targets;

namespace PgPlatform.Stacks.Tests.Commands;

public sealed class RotateCommandTests : IDisposable
{
    private readonly string _project = Directory.CreateTempSubdirectory("rotate-command-").FullName;
    private readonly StringWriter _out = new() { NewLine = "\n" };
    private readonly StringWriter _error = new() { NewLine = "\n" };
    private readonly List<(string Stack, string Application, string Cluster, string? Kubeconfig)> _connects = [];

    public RotateCommandTests() => StackFiles.Write(_project, "dev", "linkding");

    public void Dispose() => Directory.Delete(_project, recursive: true);

    [Theory]
    [InlineData("rotate --app linkding", "--stack")]
    [InlineData("rotate --stack dev", "--app")]
    public async Task AMissingStackOrAppIsAUsageError(string commandLine, string missing)
    {
        var result = await StacksRunner.RunAsync(commandLine);

        Assert.Equal((int)ExitCode.Usage, result.ExitCode);
        Assert.Contains(missing, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResumeAndRollBackTogetherAreAUsageErrorBeforeAnythingIsReached()
    {
        var exit = await RunAsync("--app", "linkding", "--resume", "--rollback");

        Assert.Equal((int)ExitCode.Usage, exit);
        Assert.Equal("error: --resume and --rollback exclude each other: pick one\n", _error.ToString());
        Assert.Empty(_connects);
    }

    [Fact]
    public async Task AnApplicationTheStackDoesNotDeployFailsNamingTheDeclaredOnes()
    {
        var exit = await RunAsync("--app", "wikijs");

        Assert.Equal((int)ExitCode.Failed, exit);
        Assert.StartsWith("error: stack 'dev' declares no database for application 'wikijs' (it declares linkding). Fix: pick one of those, or add '{name: wikijs}' to the stack's pg-platform:databases", _error.ToString(), StringComparison.Ordinal);
        Assert.Empty(_connects);
    }

    [Fact]
    public async Task ABadStackFileFailsWithItsOwnError()
    {
        File.WriteAllText(Path.Combine(_project, "Pulumi.dev.yaml"), File.ReadAllText(Path.Combine(_project, "Pulumi.dev.yaml")).Replace("  pg-platform:keyVaultName: kv-pgp-dev\n", "", StringComparison.Ordinal));

        var exit = await RunAsync("--app", "linkding");

        Assert.Equal((int)ExitCode.Failed, exit);
        Assert.StartsWith("error: missing setting 'pg-platform:keyVaultName' in Pulumi.dev.yaml. Fix: ", _error.ToString(), StringComparison.Ordinal);
        Assert.Empty(_connects);
    }

    [Fact]
    public async Task AnUnreachableDatabaseExits3AfterConnectingToTheDeclaredClusterOfTheApp()
    {
        var exit = await RunAsync("--app", "linkding", "--kubeconfig", "/nowhere/config");

        Assert.Equal((int)ExitCode.TargetUnavailable, exit);
        Assert.Equal([("dev", "linkding", "linkding-db", "/nowhere/config")], _connects);
        Assert.Equal("error: no route to aks-dev-weu\n", _error.ToString());
    }

    private async Task<int> RunAsync(params string[] args)
    {
        var context = new CommandContext(_out, _error, _ => null, _project);
        var command = new RotateCommand(context, (stack, database, kubeconfig, _, _) =>
        {
            _connects.Add((stack.Settings.Stack, database.Application, database.ClusterName, kubeconfig));
            throw new TargetUnavailableException($"no route to {stack.Settings.KubeContext}");
        });
        var root = new RootCommand("test") { command };
        return await root.Parse(["rotate", "--stack", "dev", "--project-dir", _project, .. args]).InvokeAsync();
    }
}
