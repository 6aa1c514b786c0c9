using System.Text.Json.Nodes;
using PgPlatform.Components.Contract.Rules;
using PgPlatform.Infra.CommandLine;
using PgPlatform.Infra.Commands;

namespace PgPlatform.Infra.Tests.Commands;

public sealed class CheckCommandTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"pgp-check-{Guid.NewGuid():N}");

    public CheckCommandTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    private Task<InfraRunner.Result> Check(string arguments) => InfraRunner.RunAsync($"check {arguments}", directory: _dir);

    [Fact]
    public async Task TheSeedArticlesClusterFailsInProduction()
    {
        Write("seed.yaml", "kind: Cluster\nspec:\n  instances: 1\n  storage:\n    size: 5Gi\n");
        var result = await Check("seed.yaml --tier production");
        Assert.Equal(ExitCode.Failed, result.ExitCode);
        Assert.Contains("PGP001 Cluster/-/(unnamed) spec.instances: 1 is fewer than the 3 instances the production tier requires. Fix: set spec.instances to 3 or more (seed.yaml:3)", result.Out);
        Assert.Contains("PGP011 Cluster/-/(unnamed) spec.storage.storageClass", result.Out);
        Assert.Contains("violation(s)", result.Error);
    }

    [Fact]
    public async Task WithoutATierOnlyTierIndependentRulesApply()
    {
        Write("seed.yaml", "kind: Cluster\nspec:\n  instances: 1\n  storage:\n    size: 5Gi\n");
        var result = await Check("seed.yaml");
        Assert.Equal(ExitCode.Failed, result.ExitCode);
        Assert.DoesNotContain("PGP001", result.Out);
        Assert.Contains("PGP010", result.Out);
    }

    [Fact]
    public async Task TheSynthesizedTreeIsClean()
    {
        var outDir = Path.Combine(_dir, "out");
        Assert.Equal(ExitCode.Success, (await InfraRunner.RunAsync(["synth", "--stack", "prod", "--out", outDir, "--project-dir", Testing.SharedSchemas.RepoRoot])).ExitCode);
        var result = await Check("out/gitops");
        Assert.Equal(ExitCode.Success, result.ExitCode);
        Assert.Equal("", result.Out);
        Assert.Matches(@"^ok: \d+ objects in \d+ files, no violations", result.Error);
    }

    [Fact]
    public async Task MultiDocumentFilesAreCheckedDocumentByDocumentWithTheirLines()
    {
        Write("two.yaml", "apiVersion: v1\nkind: Secret\nmetadata:\n  name: ok\n---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: leaked\nstringData:\n  password: hunter2\n");
        var result = await Check("two.yaml");
        Assert.Contains("PGP012 Secret/-/leaked stringData: a Secret with values in a manifest puts the secret in Git", result.Out);
        Assert.Contains("(two.yaml:10)", result.Out);
        Assert.DoesNotContain("hunter2", result.Out + result.Error);
    }

    [Fact]
    public async Task JsonFormatListsViolationsWithLocations()
    {
        Write("dir/es.yaml", "apiVersion: external-secrets.io/v1beta1\nkind: ExternalSecret\nmetadata:\n  name: old\n");
        var result = await Check("dir --format json");
        Assert.Equal(ExitCode.Failed, result.ExitCode);
        var json = JsonNode.Parse(result.Out)!;
        var v = json["violations"]!.AsArray().Single(x => (string?)x!["rule"] == "PGP013")!;
        Assert.Equal("dir/es.yaml", (string?)v["file"]);
        Assert.Equal(1, (int)v["line"]!);
        Assert.Equal("apiVersion", (string?)v["field"]);
    }

    [Fact]
    public async Task SarifFormatIsASarif210LogWithRulesAndResults()
    {
        Write("d.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n      - name: web\n        image: nginx:latest\n");
        var result = await Check("d.yaml --format sarif");
        Assert.Equal(ExitCode.Failed, result.ExitCode);
        var run = JsonNode.Parse(result.Out)!["runs"]![0]!;
        Assert.Equal("2.1.0", (string?)JsonNode.Parse(result.Out)!["version"]);
        var rules = run["tool"]!["driver"]!["rules"]!.AsArray();
        Assert.Equal(ContractRules.All.Select(r => r.Id), rules.Select(r => (string?)r!["id"]));
        var result15 = run["results"]!.AsArray().First(r => (string?)r!["ruleId"] == "PGP015")!;
        Assert.Equal("PGP015", (string?)rules[(int)result15["ruleIndex"]!]!["id"]);
        Assert.Equal("d.yaml", (string?)result15["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"]);
        Assert.Contains("'nginx:latest' is not pinned", (string?)result15["message"]!["text"]);
    }

    [Fact]
    public async Task MalformedYamlIsAFileAndLineErrorWithExitTwo()
    {
        Write("bad.yaml", "apiVersion: v1\nkind: Secret\nmetadata: {name: x\n");
        var result = await Check("bad.yaml");
        Assert.Equal(ExitCode.Usage, result.ExitCode);
        Assert.StartsWith("error: bad.yaml:", result.Error);
        Assert.Contains("malformed YAML", result.Error);
        Assert.DoesNotContain("   at ", result.Error);
    }

    [Theory]
    [InlineData("missing.yaml")]
    [InlineData("seed.yaml --format xml")]
    [InlineData("seed.yaml --tier gold")]
    [InlineData("")]
    public async Task UsageErrorsAndMissingPathsExitTwo(string arguments)
    {
        Write("seed.yaml", "kind: Cluster\n");
        var result = await Check(arguments);
        Assert.Equal(ExitCode.Usage, result.ExitCode);
        Assert.Contains("error:", result.Error);
    }

    [Fact]
    public async Task KustomizationsAndPatchListsAreNotObjectsAndCheckingOnlyThemChecksNothing()
    {
        Write("k/kustomization.yaml", "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: []\n");
        Write("k/patch.yaml", "- op: replace\n  path: /spec/instances\n  value: 3\n");
        var result = await Check("k");
        Assert.Equal(ExitCode.Usage, result.ExitCode);
        Assert.Equal("error: nothing to check: 2 file(s) hold no Kubernetes object. Fix: pass the files or directories that hold the manifests\n", result.Error);

        Write("k/secret.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n");
        var withObject = await Check("k");
        Assert.NotEqual(ExitCode.Usage, withObject.ExitCode);
        Assert.Matches(" 1 objects (in|from) ", withObject.Error);
    }
}
