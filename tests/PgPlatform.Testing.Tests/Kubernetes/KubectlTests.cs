using System.Text.Json.Nodes;
using PgPlatform.Testing.Kubernetes;
using PgPlatform.Testing.Yaml;

namespace PgPlatform.Testing.Tests.Kubernetes;

public sealed class KubectlTests
{
    [Fact]
    public void KustomizeRendersAnOverlayOverItsBase()
    {
        using var tree = new TempTree();
        tree.Write("base/kustomization.yaml", "resources: [service.yaml]\n");
        tree.Write("base/service.yaml", ValidManifests.Service.Replace("  namespace: linkding\n", string.Empty, StringComparison.Ordinal));
        tree.Write("overlays/dev/kustomization.yaml", """
            namespace: linkding-dev
            resources: [../../base]
            labels:
              - pairs: {pg-platform.io/env: dev}
            """);

        var result = Kubectl.Kustomize(Path.Combine(tree.Root, "overlays/dev"));

        Assert.True(result.Succeeded, result.StandardError);
        var service = Assert.IsType<JsonObject>(Assert.Single(YamlJson.ParseDocuments(result.StandardOutput)));
        Assert.Equal("linkding-dev", (string?)service["metadata"]!["namespace"]);
        Assert.Equal("dev", (string?)service["metadata"]!["labels"]!["pg-platform.io/env"]);
        Assert.Empty(KubernetesSchemaValidator.Shared.Validate(service));
    }

    [Fact]
    public void BrokenKustomizationExitsNonZero()
    {
        using var tree = new TempTree();
        tree.Write("kustomization.yaml", "resources: [missing.yaml]\n");

        var result = Kubectl.Kustomize(tree.Root);

        Assert.False(result.Succeeded);
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("missing.yaml", result.StandardError, StringComparison.Ordinal);
        Assert.Empty(result.StandardOutput);
    }

    [Fact]
    public void PathIsThePinnedKubectl()
    {
        var version = Kubectl.Run(["version", "--client"]);

        Assert.True(version.Succeeded, version.StandardError);
        Assert.Contains("Client Version: v1.35.", version.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void ARunThatOutlastsItsTimeoutIsKilled()
    {
        using var tree = new TempTree();
        tree.Write("kustomization.yaml", "resources: []\n");

        Assert.Throws<TimeoutException>(() => Kubectl.Kustomize(tree.Root, TimeSpan.FromMilliseconds(1)));
    }

    [Fact]
    public void MissingBinaryPointsAtTheInstallScript()
    {
        var previous = Environment.GetEnvironmentVariable(Kubectl.EnvironmentVariable);
        try
        {
            Environment.SetEnvironmentVariable(Kubectl.EnvironmentVariable, "/nonexistent/kubectl");

            var error = Assert.Throws<FileNotFoundException>(() => Kubectl.Path);

            Assert.Contains("scripts/install-prereqs.sh", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable(Kubectl.EnvironmentVariable, previous);
        }
    }
}
