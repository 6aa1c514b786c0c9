using System.Text.Json.Nodes;
using PgPlatform.Testing.Cel;

namespace PgPlatform.Testing.Tests.Cel;

public sealed class CelEvaluatorTests
{
    private static CelEvaluator Cel => CelEvaluator.Shared;

    [Theory]
    [InlineData(3, true)]
    [InlineData(5, true)]
    [InlineData(1, false)]
    public void IntegerFieldsCompareAsInts(int instances, bool expected)
    {
        var result = Cel.EvaluateValidation("object.spec.instances >= 3", CelFixtures.Cluster(instances));

        Assert.Null(result.Error);
        Assert.Equal(expected, result.Value);
    }

    [Fact]
    public void JsonIntegerBecomesCelInt()
    {
        var result = Cel.EvaluateValidation("type(object.spec.instances) == int && object.spec.instances + 1 == 4", CelFixtures.Cluster());

        Assert.True(result.IsTrue, result.ToString());
    }

    [Fact]
    public void JsonNumberWithFractionOrExponentBecomesCelDouble()
    {
        var cluster = CelFixtures.Cluster();

        Assert.True(Cel.EvaluateValidation("type(object.spec.cpuRatio) == double", cluster).IsTrue);
        Assert.Equal("3.0", Cel.EvaluateValidation("object.spec.storageGrowth", cluster).Display);
        Assert.Equal("100.0", Cel.Evaluate("x", new Dictionary<string, JsonNode?> { ["x"] = JsonNode.Parse("1e2") }).Display);
    }

    [Fact]
    public void ClrNumbersConvertByTheirType()
    {
        var variables = new Dictionary<string, JsonNode?>
        {
            ["i"] = 3,
            ["l"] = 9_007_199_254_740_993L,
            ["d"] = 3.0,
            ["m"] = 1.5m,
        };

        Assert.Equal("3", Cel.Evaluate("i", variables).Display);
        Assert.Equal("9007199254740993", Cel.Evaluate("l", variables).Display);
        Assert.Equal("3.0", Cel.Evaluate("d", variables).Display);
        Assert.Equal("1.5", Cel.Evaluate("m", variables).Display);
    }

    [Fact]
    public void LargeIntegersKeepFullPrecision()
    {
        var variables = new Dictionary<string, JsonNode?> { ["n"] = JsonNode.Parse("9007199254740993") };

        Assert.True(Cel.Evaluate("n == 9007199254740992 + 1", variables).IsTrue);
    }

    [Fact]
    public void HasReportsFieldPresence()
    {
        Assert.True(Cel.EvaluateValidation("has(object.spec.backup)", CelFixtures.Cluster()).IsTrue);

        var result = Cel.EvaluateValidation("has(object.spec.backup)", CelFixtures.ClusterWithoutBackup());
        Assert.Null(result.Error);
        Assert.False(result.Value);
    }

    [Fact]
    public void LabelsAreMapsIndexedByKey()
    {
        var cluster = CelFixtures.Cluster();

        Assert.True(Cel.EvaluateValidation("object.metadata.labels['app.kubernetes.io/name'] == 'linkding'", cluster).IsTrue);
        Assert.True(Cel.EvaluateValidation("'tier' in object.metadata.labels && object.metadata.labels.tier == 'db'", cluster).IsTrue);
    }

    [Theory]
    [InlineData(true, "postgres:17", "exporter:v1")]
    [InlineData(false, "postgres:17", "exporter:latest")]
    [InlineData(false, "postgres:latest")]
    [InlineData(true)]
    public void AllContainersAvoidLatestTag(bool expected, params string[] images)
    {
        var result = Cel.EvaluateValidation(
            "object.spec.containers.all(c, !c.image.endsWith(':latest'))", CelFixtures.ClusterWithImages(images));

        Assert.Null(result.Error);
        Assert.Equal(expected, result.Value);
    }

    [Fact]
    public void ParseErrorIsReportedNotThrown()
    {
        var result = Cel.EvaluateValidation("object.spec.instances >=", CelFixtures.Cluster());

        Assert.Null(result.Value);
        Assert.StartsWith("ParseError", result.Error, StringComparison.Ordinal);
        Assert.False(result.Succeeded);
    }

    [Fact]
    public void ParseErrorIsReportedAgainFromTheCache()
    {
        var first = Cel.EvaluateValidation("object.spec.(", CelFixtures.Cluster());
        var second = Cel.EvaluateValidation("object.spec.(", CelFixtures.Cluster());

        Assert.NotNull(first.Error);
        Assert.Equal(first, second);
    }

    [Fact]
    public void MissingKeyIsAnErrorNotFalse()
    {
        var result = Cel.EvaluateValidation("object.spec.backup.retentionPolicy == '30d'", CelFixtures.ClusterWithoutBackup());

        Assert.Null(result.Value);
        Assert.Contains("No such key: backup", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void NonBoolResultHasNoValueButADisplay()
    {
        var result = Cel.EvaluateValidation("object.spec.containers.map(c, c.name)", CelFixtures.Cluster());

        Assert.Null(result.Error);
        Assert.Null(result.Value);
        Assert.Equal("""["postgres", "exporter"]""", result.Display);
    }

    [Fact]
    public void ValidationSeesRequestAndNullOldObject()
    {
        var result = Cel.EvaluateValidation(
            "request.operation == 'CREATE' && request.namespace == 'linkding' && request.name == 'linkding-db' && " +
            "request.kind.group == 'postgresql.cnpg.io' && request.kind.version == 'v1' && request.kind.kind == 'Cluster' && " +
            "oldObject == null",
            CelFixtures.Cluster());

        Assert.True(result.IsTrue, result.ToString());
    }

    [Fact]
    public void ValidationOfAClusterScopedCoreObjectHasEmptyGroupAndNamespace()
    {
        var ns = new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Namespace", ["metadata"] = new JsonObject { ["name"] = "x" } };

        var result = Cel.EvaluateValidation("request.kind.group == '' && request.namespace == '' && request.kind.kind == 'Namespace'", ns);

        Assert.True(result.IsTrue, result.ToString());
    }

    [Fact]
    public void MapKeysThatAreJavaScriptPropertyNamesStayOrdinaryKeys()
    {
        var data = JsonNode.Parse("""{"constructor": "a", "__proto__": "b", "toString": "c"}""");

        var result = Cel.Evaluate(
            "size(data) == 3 && data['constructor'] == 'a' && data['__proto__'] == 'b' && data.toString == 'c' && !has(data.valueOf)",
            new Dictionary<string, JsonNode?> { ["data"] = data });

        Assert.True(result.IsTrue, result.ToString());
    }

    [Fact]
    public void ConcurrentEvaluationsAreIsolated()
    {
        var results = new CelResult[200];

        Parallel.For(0, results.Length, i =>
        {
            var expression = i % 2 == 0 ? "object.spec.instances >= 3" : "object.spec.containers.all(c, c.image.contains(':'))";
            results[i] = Cel.EvaluateValidation(expression, CelFixtures.Cluster(instances: i % 5));
        });

        for (var i = 0; i < results.Length; i++)
        {
            Assert.Null(results[i].Error);
            Assert.Equal(i % 2 == 1 || i % 5 >= 3, results[i].Value);
        }
    }

    [Fact]
    public void MissingInstallFailsClearly()
    {
        using var tree = new TempTree();

        var error = Assert.Throws<FileNotFoundException>(() => CelEvaluator.Load(tree.Create("cel-js/package")));

        Assert.Contains("bash scripts/install-prereqs.sh", error.Message, StringComparison.Ordinal);
        Assert.Contains(CelEvaluator.EnvironmentVariable, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DefaultInstallIsUnderTheRepoToolsUnlessOverridden()
    {
        Assert.True(File.Exists(Path.Combine(CelEvaluator.DefaultPackageDirectory, "lib", "index.js")));
        if (Environment.GetEnvironmentVariable(CelEvaluator.EnvironmentVariable) is null)
        {
            Assert.Equal(Path.Combine(SharedSchemas.RepoRoot, ".tools", "cel-js", "package"), CelEvaluator.DefaultPackageDirectory);
        }
    }
}
