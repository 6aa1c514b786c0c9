using System.Text.Json.Nodes;
using PgPlatform.Components.Serialization;
using PgPlatform.Testing.Kubernetes;

namespace PgPlatform.Infra.Tests.Commands;

public sealed class GitOpsTreeTests(SynthesizedRepository repo) : IClassFixture<SynthesizedRepository>
{
    public static TheoryData<string> Stacks => new(SynthesizedRepository.Stacks);

    private static string Key(JsonObject o) => $"{o["kind"]}/{o["metadata"]?["namespace"]}/{o["metadata"]?["name"]}";

    [Fact]
    public void LayoutFollowsTheDesign()
    {
        var gitops = repo.GitOps("prod");
        foreach (var app in new[] { "linkding", "wikijs" })
        {
            foreach (var folder in new[] { "apps", "databases" })
            {
                Assert.True(File.Exists(Path.Combine(gitops, folder, app, "base", "kustomization.yaml")), $"{folder}/{app}/base");
                foreach (var env in SynthesizedRepository.Stacks)
                {
                    Assert.True(File.Exists(Path.Combine(gitops, folder, app, "overlays", env, "kustomization.yaml")), $"{folder}/{app}/overlays/{env}");
                }
            }
        }

        Assert.True(File.Exists(Path.Combine(gitops, "argocd", "prod", "applicationset-databases-prod.yaml")));
        Assert.True(File.Exists(Path.Combine(gitops, "argocd", "prod", "applicationset-apps-prod.yaml")));
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void EveryOverlayBuildsWithKustomizeIntoExactlyTheStacksGitOpsObjectsNoneOfWhichThePulumiProgramDeploys(string stack)
    {
        var gitops = repo.GitOps(stack);
        var built = new List<JsonObject>();
        foreach (var overlay in Directory.GetDirectories(gitops, stack, SearchOption.AllDirectories).Where(d => Path.GetFileName(Path.GetDirectoryName(d)) == "overlays"))
        {
            var result = Kubectl.Kustomize(overlay);
            Assert.True(result.ExitCode == 0, $"{overlay}: {result.StandardError}");
            built.AddRange(YamlReader.ReadDocuments(result.StandardOutput).Select(d => d.Node!.AsObject()));
        }

        var expected = SynthesizedRepository.TreeObjects(stack).ToDictionary(Key);
        var actual = built.ToDictionary(Key);
        Assert.Empty(repo.ProgramObjects(stack).Select(Key).Intersect(actual.Keys));
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        foreach (var (key, obj) in expected)
        {
            var want = CanonicalJson.Canonicalize(obj)!.ToJsonString();
            var got = CanonicalJson.Canonicalize(actual[key])!.ToJsonString();
            Assert.True(want == got, $"{key} differs:\nmodel:     {want}\nkustomize: {got}");
        }
    }

    [Fact]
    public void EveryObjectFileInTheTreeValidatesAgainstItsSchema()
    {
        var gitops = repo.GitOps("prod");
        var files = Directory.GetFiles(gitops, "*.yaml", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) != "kustomization.yaml" && !Path.GetFileName(f).StartsWith("patch-", StringComparison.Ordinal))
            .ToList();
        Assert.True(files.Count > 20, $"only {files.Count} object files");
        var errors = files.SelectMany(f => KubernetesSchemaValidator.Shared.ValidateYamlDocuments(File.ReadAllText(f)).Select(e => $"{Path.GetRelativePath(gitops, f)}: {e}")).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void ApplicationsReachTheirDatabaseOnlyThroughTheRwServiceAndASecretTheTreeProduces(string stack)
    {
        var objects = SynthesizedRepository.DeliveredObjects(stack);
        var rwHosts = objects.Where(o => (string?)o["kind"] == "Cluster").Select(o => $"{o["metadata"]!["name"]}-rw.{o["metadata"]!["namespace"]}.svc").ToHashSet();
        var producedSecrets = objects.Where(o => (string?)o["kind"] == "ExternalSecret").Select(o => $"{o["metadata"]!["namespace"]}/{o["spec"]!["target"]!["name"]}").ToHashSet();
        var deployments = objects.Where(o => (string?)o["kind"] == "Deployment").ToList();
        Assert.Equal(2, deployments.Count);
        foreach (var deployment in deployments)
        {
            var ns = (string?)deployment["metadata"]!["namespace"];
            var env = deployment["spec"]!["template"]!["spec"]!["containers"]![0]!["env"]!.AsArray();
            var hosts = env.Where(e => ((string?)e!["name"])!.EndsWith("HOST", StringComparison.Ordinal)).Select(e => (string?)e!["value"]).ToList();
            Assert.Single(hosts);
            Assert.Contains(hosts[0]!, rwHosts);
            var secretRefs = env.Select(e => e!["valueFrom"]?["secretKeyRef"]?["name"]).OfType<JsonNode>().Select(n => $"{ns}/{n}").ToList();
            Assert.Equal(2, secretRefs.Count);
            Assert.All(secretRefs, s => Assert.Contains(s, producedSecrets));
        }
    }

    [Fact]
    public void ApplicationSetsSyncTheEnvironmentsOverlaysAutomatically()
    {
        var set = YamlReader.Read(File.ReadAllText(Path.Combine(repo.GitOps("prod"), "argocd", "prod", "applicationset-databases-prod.yaml")))!;
        Assert.Equal("databases/*/overlays/prod", (string?)set["spec"]!["generators"]![0]!["git"]!["directories"]![0]!["path"]);
        var automated = set["spec"]!["template"]!["spec"]!["syncPolicy"]!["automated"]!;
        Assert.True((bool)automated["prune"]! && (bool)automated["selfHeal"]!);
    }

    [Fact]
    public void TheTreeHoldsNoPlaintextSecrets()
    {
        foreach (var file in Directory.GetFiles(repo.GitOps("prod"), "*.yaml", SearchOption.AllDirectories))
        {
            foreach (var doc in YamlReader.ReadDocuments(File.ReadAllText(file)))
            {
                Assert.False(doc.Node is JsonObject obj && (string?)obj["kind"] == "Secret", $"{file} is a Secret");
            }
        }
    }
}
