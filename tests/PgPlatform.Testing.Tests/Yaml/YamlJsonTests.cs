using System.Text.Json;
using System.Text.Json.Nodes;
using PgPlatform.Testing.Yaml;

namespace PgPlatform.Testing.Tests.Yaml;

public sealed class YamlJsonTests
{
    [Theory]
    [InlineData("v: 3", "3")]
    [InlineData("v: -17", "-17")]
    [InlineData("v: 007", "7")]
    [InlineData("v: +5", "5")]
    [InlineData("v: 1.0", "1.0")]
    [InlineData("v: .5", "0.5")]
    [InlineData("v: 2.", "2.0")]
    [InlineData("v: 1e3", "1e3")]
    [InlineData("v: 0x1F", "31")]
    [InlineData("v: 0o17", "15")]
    [InlineData("v: true", "true")]
    [InlineData("v: False", "false")]
    [InlineData("v: null", "null")]
    [InlineData("v: ~", "null")]
    [InlineData("v:", "null")]
    [InlineData("v: '3'", "\"3\"")]
    [InlineData("v: \"true\"", "\"true\"")]
    [InlineData("v: !!str 3", "\"3\"")]
    [InlineData("v: !!int '3'", "3")]
    [InlineData("v: yes", "\"yes\"")]
    [InlineData("v: on", "\"on\"")]
    [InlineData("v: off", "\"off\"")]
    [InlineData("v: 1_000", "\"1_000\"")]
    [InlineData("v: .inf", "\".inf\"")]
    [InlineData("v: 12:30", "\"12:30\"")]
    [InlineData("v: 250m", "\"250m\"")]
    [InlineData("v: |\n  42\n", "\"42\\n\"")]
    public void ScalarsFollowTheYaml12CoreSchema(string yaml, string expectedJson)
    {
        var document = Assert.IsType<JsonObject>(YamlJson.ParseDocument(yaml));

        Assert.Equal(expectedJson, document["v"]?.ToJsonString() ?? "null");
    }

    [Fact]
    public void NumbersKeepTheirJsonKind()
    {
        var document = YamlJson.ParseDocument("i: 3\nf: 3.0\n")!;

        Assert.Equal(JsonValueKind.Number, document["i"]!.GetValueKind());
        Assert.True(document["i"]!.AsValue().TryGetValue<long>(out _));
        Assert.Equal("3.0", document["f"]!.ToJsonString());
    }

    [Fact]
    public void AnchorsAliasesAndMergeKeysAreResolved()
    {
        var document = YamlJson.ParseDocument("""
            base: &base {cpu: 1, memory: 1Gi}
            copy: *base
            merged:
              <<: *base
              memory: 2Gi
            """)!;

        Assert.Equal("""{"cpu":1,"memory":"1Gi"}""", document["copy"]!.ToJsonString());
        Assert.Equal(1, (int)document["merged"]!["cpu"]!);
        Assert.Equal("2Gi", (string?)document["merged"]!["memory"]);
    }

    [Fact]
    public void StreamsSplitIntoDocumentsWithNullForEmptyOnes()
    {
        var documents = YamlJson.ParseDocuments("a: 1\n---\n---\n- x\n...\n");

        Assert.Equal(3, documents.Count);
        Assert.IsType<JsonObject>(documents[0]);
        Assert.Null(documents[1]);
        Assert.IsType<JsonArray>(documents[2]);
    }

    [Fact]
    public void EmptyTextHasNoDocuments()
    {
        Assert.Empty(YamlJson.ParseDocuments(string.Empty));
        Assert.Null(YamlJson.ParseDocument("# only a comment\n"));
    }

    [Fact]
    public void ParseDocumentRejectsAStream()
    {
        Assert.Throws<InvalidDataException>(() => YamlJson.ParseDocument("a: 1\n---\nb: 2\n"));
    }

    [Theory]
    [InlineData("a: 1\na: 2\n")]
    [InlineData("a: [1, 2\n")]
    [InlineData("? [a, b]\n: c\n")]
    public void MalformedOrUnrepresentableYamlIsRejected(string yaml)
    {
        Assert.Throws<InvalidDataException>(() => YamlJson.ParseDocuments(yaml));
    }
}
