using PgPlatform.Components.Serialization;

namespace PgPlatform.Components.Tests.Serialization;

public sealed class YamlLimitsTests
{
    private static readonly YamlLimits Small = new() { MaxFileBytes = 1 << 10, MaxDepth = 3, MaxNodes = 20, MaxAliasNodes = 6 };

    [Fact]
    public void InputWithinTheLimitsReadsAsBefore()
    {
        var node = YamlReader.Read("a: &x [1, 2]\nb: *x\n", Small)!;
        Assert.Equal("{\"a\":[1,2],\"b\":[1,2]}", node.ToJsonString());
    }

    [Theory]
    [InlineData("a: [[[1]]]\n", "line 1, column 6: nested more than 3 levels deep (limit: nesting depth)")]
    [InlineData("a: &x [[1]]\nb: [*x]\n", "line 2, column 5: nested more than 3 levels deep (limit: nesting depth)")]
    [InlineData("a: &x [1, 2, 3]\nb: [*x, *x]\n", "line 2, column 9: aliases expand to more than 6 nodes (limit: alias expansion per file; an alias bomb?)")]
    [InlineData("[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20]\n", "line 1, column 69: more than 20 YAML nodes (limit: nodes per file)")]
    public void EachLimitIsALimitExceptionWithItsPosition(string yaml, string message)
    {
        var error = Assert.Throws<YamlLimitException>(() => YamlReader.ReadDocuments(yaml, Small));
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void NodesCountOverEveryDocumentOfAFile()
    {
        Assert.Throws<YamlLimitException>(() => YamlReader.ReadDocuments(string.Concat(Enumerable.Repeat("---\n[1, 2, 3]\n", 6)), Small));
    }

    [Theory]
    [InlineData("spec.instances", 6)]
    [InlineData("spec.storage.size", 5)]
    [InlineData("spec.storage.storageClass", 5)]
    [InlineData("spec.containers[1].image", 10)]
    [InlineData("spec.containers.image", 8)]
    [InlineData("metadata.labels['app.kubernetes.io/name']", 3)]
    [InlineData("nosuch.field", 1)]
    public void APositionTreeFindsTheLineOfAFieldOrItsNearestParent(string field, int line)
    {
        var yaml = "kind: X\nmetadata:\n  labels: {app.kubernetes.io/name: a}\nspec:\n  storage: {size: 1Gi}\n  instances: 1\n  containers:\n  - image: a\n  - name: b\n    image: b\n";
        var document = Assert.Single(YamlPositions.Read(yaml));
        Assert.Equal(line, document.LineOf(field));
    }
}
