using PgPlatform.Infra.CommandLine;
using PgPlatform.Testing;

namespace PgPlatform.Infra.Tests.Commands;

/// <summary>The seed article's three questions, answered from the prod stack's synthesized RBAC alone.</summary>
public sealed class CanICommandTests
{
    private static Task<InfraRunner.Result> CanI(string question) =>
        InfraRunner.RunAsync($"can-i {question} --stack prod --project-dir {SharedSchemas.RepoRoot}");

    [Fact]
    public async Task DeliveryMayCreateCnpgClustersInItsNamespace()
    {
        var result = await CanI("create clusters.postgresql.cnpg.io -n linkding-prod --as pg-platform-delivery");
        Assert.Equal(ExitCode.Success, result.ExitCode);
        Assert.Equal("yes\n", result.Out);
        Assert.Contains("RoleBinding linkding-prod/linkding-delivery", result.Error);
    }

    [Fact]
    public async Task DeliveryMayNotTouchTheOperatorDeployment()
    {
        var result = await CanI("update deployments.apps/cloudnative-pg -n cnpg-system --as pg-platform-delivery");
        Assert.Equal(ExitCode.Failed, result.ExitCode);
        Assert.Equal("no\n", result.Out);
    }

    [Fact]
    public async Task DeliveryMayNotPatchAStorageClass()
    {
        var result = await CanI("patch storageclasses.storage.k8s.io/premium-rwo --as pg-platform-delivery");
        Assert.Equal(ExitCode.Failed, result.ExitCode);
        Assert.Equal("no\n", result.Out);
        Assert.Contains("at the cluster scope", result.Error);
    }

    [Theory]
    [InlineData("create clustersecretstores.external-secrets.io --as pg-platform-delivery")]
    [InlineData("delete clusters.postgresql.cnpg.io -n wikijs-prod --as somebody-else")]
    [InlineData("create secrets -n linkding-prod --as pg-platform-delivery")]
    public async Task NothingElseIsGranted(string question)
    {
        var result = await CanI(question);
        Assert.Equal("no\n", result.Out);
    }

    [Fact]
    public async Task AMalformedResourceIsAUsageError()
    {
        var result = await CanI("create clusters..cnpg --as pg-platform-delivery");
        Assert.Equal(ExitCode.Usage, result.ExitCode);
        Assert.StartsWith("error: ", result.Error);
        Assert.DoesNotContain("(Parameter", result.Error);
    }
}
