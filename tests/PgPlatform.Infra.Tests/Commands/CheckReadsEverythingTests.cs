using System.Text.Json.Nodes;
using PgPlatform.Infra.CommandLine;

namespace PgPlatform.Infra.Tests.Commands;

/// <summary>
/// What <c>check</c> reads, so that nothing passes the gate unread: every YAML and JSON file of a directory (any
/// case), each once, the items of a List, and an error when there is nothing to check. Findings point at the
/// offending field's line.
/// </summary>
public sealed class CheckReadsEverythingTests : IDisposable
{
    private const string LeakedSecret = "apiVersion: v1\nkind: Secret\nmetadata:\n  name: leaked\nstringData:\n  password: hunter2\n";

    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"pgp-reads-{Guid.NewGuid():N}");

    public CheckReadsEverythingTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private void Write(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    private Task<InfraRunner.Result> Check(string arguments) => InfraRunner.RunAsync($"check {arguments}", directory: _dir);

    [Fact]
    public async Task UpperCaseYamlAndJsonFilesInADirectoryAreChecked()
    {
        Write("d/A.YAML", LeakedSecret.Replace("leaked", "upper", StringComparison.Ordinal));
        Write("d/b.yml", LeakedSecret.Replace("leaked", "yml", StringComparison.Ordinal));
        Write("d/c.json", "{\n\t\"apiVersion\": \"v1\",\n\t\"kind\": \"Secret\",\n\t\"metadata\": {\"name\": \"json\"},\n\t\"stringData\": {\"password\": \"x\"}\n}\n");
        Write("d/notes.txt", LeakedSecret);
        var result = await Check("d");
        Assert.Equal(ExitCode.Failed, result.ExitCode);
        Assert.Contains("PGP012 Secret/-/upper stringData", result.Out);
        Assert.Contains("(d/A.YAML:5)", result.Out);
        Assert.Contains("PGP012 Secret/-/yml stringData", result.Out);
        Assert.Contains("PGP012 Secret/-/json stringData: a Secret with values in a manifest puts the secret in Git. Fix: store the value in Key Vault and declare an external-secrets.io/v1 ExternalSecret that produces this Secret (d/c.json:5)", result.Out);
        Assert.Contains("in 3 objects from 3 files", result.Error);
    }

    [Fact]
    public async Task ADirectoryWithNothingReadableFailsSayingWhatWasSkipped()
    {
        Write("d/readme.md", "# nothing\n");
        Write("d/sub/values.txt", "x: 1\n");
        var result = await Check("d");
        Assert.Equal(ExitCode.Usage, result.ExitCode);
        Assert.Equal("error: nothing to check: no *.yaml, *.yml and *.json (any case) file under d (2 other file(s) skipped). Fix: pass the files or directories that hold the manifests\n", result.Error);
    }

    [Fact]
    public async Task ADirectorySymlinkLoopIsReadOnce()
    {
        Write("d/secret.yaml", LeakedSecret);
        Directory.CreateSymbolicLink(Path.Combine(_dir, "d", "loop"), Path.Combine(_dir, "d"));
        Directory.CreateSymbolicLink(Path.Combine(_dir, "d", "up"), "..");
        var result = await Check("d --format json");
        Assert.Equal(ExitCode.Failed, result.ExitCode);
        var report = JsonNode.Parse(result.Out)!;
        var files = report["violations"]!.AsArray().Select(v => (string?)v!["file"]).Distinct().ToList();
        Assert.Equal(["d/secret.yaml"], files);
        Assert.Single(report["violations"]!.AsArray(), v => (string?)v!["rule"] == "PGP012");
    }

    [Fact]
    public async Task TheObjectsOfAListAreCheckedAtTheirOwnLines()
    {
        Write("list.yaml", "apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: fine\n- apiVersion: v1\n  kind: Secret\n  metadata:\n    name: inside\n  stringData:\n    password: hunter2\n");
        var result = await Check("list.yaml");
        Assert.Equal(ExitCode.Failed, result.ExitCode);
        Assert.Contains("PGP012 Secret/-/inside stringData: a Secret with values in a manifest puts the secret in Git", result.Out);
        Assert.Contains("(list.yaml:12)", result.Out);
        Assert.Contains("in 2 objects from 1 files", result.Error);
    }

    [Fact]
    public async Task QuotedInstancesAreCalledAStringNotUnset()
    {
        Write("q.yaml", "apiVersion: postgresql.cnpg.io/v1\nkind: Cluster\nmetadata:\n  name: db\nspec:\n  instances: \"3\"\n");
        var result = await Check("q.yaml --tier production");
        Assert.Contains("PGP001 Cluster/-/db spec.instances: \"3\" is a string where a whole number is needed. Fix: write a number without quotes, at least 3, e.g. 'instances: 3' (q.yaml:6)", result.Out);
        Assert.DoesNotContain("spec.instances: not set", result.Out);
    }

    [Fact]
    public async Task AFindingPointsAtTheLineOfItsFieldInEveryFormat()
    {
        Write("c.yaml", "# a comment\napiVersion: postgresql.cnpg.io/v1\nkind: Cluster\nmetadata:\n  name: db\n  labels:\n    pg-platform.io/tier: production\nspec:\n  storage:\n    size: 5Gi\n  instances: 1\n");
        var text = await Check("c.yaml");
        Assert.Contains("PGP001 Cluster/-/db spec.instances", text.Out);
        Assert.Contains("spec.instances: 1 is fewer than the 3 instances the production tier requires. Fix: set spec.instances to 3 or more (c.yaml:11)", text.Out);

        var json = JsonNode.Parse((await Check("c.yaml --format json")).Out)!;
        Assert.Equal(11, (int)json["violations"]!.AsArray().Single(v => (string?)v!["rule"] == "PGP001")!["line"]!);
        // A field that is missing points at its nearest parent that is there.
        Assert.Equal(9, (int)json["violations"]!.AsArray().Single(v => (string?)v!["field"] == "spec.storage.storageClass")!["line"]!);

        var sarif = JsonNode.Parse((await Check("c.yaml --format sarif")).Out)!;
        var result = sarif["runs"]![0]!["results"]!.AsArray().Single(r => (string?)r!["ruleId"] == "PGP001")!;
        Assert.Equal(11, (int)result["locations"]![0]!["physicalLocation"]!["region"]!["startLine"]!);
    }
}
