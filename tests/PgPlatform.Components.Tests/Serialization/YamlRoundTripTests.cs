using System.Text.Json.Nodes;
using PgPlatform.Components.Serialization;

namespace PgPlatform.Components.Tests.Serialization;

public sealed class YamlRoundTripTests
{
    [Theory]
    [InlineData("true")]
    [InlineData("yes")]
    [InlineData("off")]
    [InlineData("1000")]
    [InlineData("1.0")]
    [InlineData("0755")]
    [InlineData("1e3")]
    [InlineData("null")]
    [InlineData("~")]
    [InlineData("")]
    [InlineData(" padded ")]
    [InlineData("{{ .password }}")]
    [InlineData("a: b")]
    [InlineData("- item")]
    [InlineData("#comment")]
    [InlineData("line one\nline two\n")]
    [InlineData("${not.an.interpolation}")]
    public void StringsThatLookLikeOtherTypesStayStrings(string text)
    {
        var yaml = YamlWriter.Write(new JsonObject { ["key"] = text });
        var back = YamlReader.Read(yaml)!;
        Assert.Equal(text, (string?)back["key"]);
    }

    [Theory]
    [InlineData("2026-11-22T18:00:00Z")]
    [InlineData("2026-11-22")]
    public void TimestampsAreQuotedSoNoReaderTurnsThemIntoDates(string text)
    {
        Assert.Equal($"key: \"{text}\"\n", YamlWriter.Write(new JsonObject { ["key"] = text }));
    }

    [Fact]
    public void NumbersAndBooleansKeepTheirTypes()
    {
        var yaml = YamlWriter.Write(new JsonObject { ["count"] = 3, ["f"] = 1.5, ["b"] = true, ["list"] = new JsonArray(1, "2") });
        Assert.Equal("count: 3\nf: 1.5\nb: true\nlist:\n- 1\n- \"2\"\n", yaml);
    }

    [Fact]
    public void CanonicalOrderPutsApiVersionKindMetadataFirstAndSortsTheRest()
    {
        var obj = JsonNode.Parse("""{"spec":{"z":1,"a":2},"metadata":{"name":"x"},"kind":"K","apiVersion":"v1","data":null}""");
        var canonical = CanonicalJson.Canonicalize(obj)!.AsObject();
        Assert.Equal(["apiVersion", "kind", "metadata", "spec"], canonical.Select(p => p.Key));
        Assert.Equal(["a", "z"], canonical["spec"]!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public void MultiDocumentStreamsRoundTrip()
    {
        var yaml = YamlWriter.WriteAll([new JsonObject { ["a"] = 1 }, new JsonObject { ["b"] = 2 }]);
        var docs = YamlReader.ReadDocuments(yaml);
        Assert.Equal(2, docs.Count);
        Assert.Equal(2, (int)docs[1].Node!["b"]!);
    }

    [Fact]
    public void MalformedYamlReportsTheLine()
    {
        var e = Assert.Throws<YamlFormatException>(() => YamlReader.Read("a: 1\nb: [unclosed\nc: 2\n"));
        Assert.True(e.Line >= 2, e.Message);
    }

    [Fact]
    public void DuplicateKeysAreReported()
    {
        var e = Assert.Throws<YamlFormatException>(() => YamlReader.Read("a: 1\na: 2\n"));
        Assert.Contains("duplicate key", e.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(2, e.Line);
    }

    [Fact]
    public void NestedStructuresRoundTripWithConsistentIndentation()
    {
        var tree = JsonNode.Parse("""{"spec":{"groups":[{"name":"g","rules":[{"alert":"A","labels":{"k":"v"}}],"empty":[],"none":{}}],"matrix":[[1,2],[3]],"objs":[[{"a":1}]]}}""")!;
        var yaml = YamlWriter.Write(tree);
        Assert.Equal(tree.ToJsonString(), YamlReader.Read(yaml)!.ToJsonString());
        Assert.Contains("  groups:\n  - name: g\n    rules:\n    - alert: A\n", yaml);
    }

    [Fact]
    public void StringsEscapedInJsonAreWrittenAsTheirText()
    {
        // JSON escapes '<', '+', '\'' and non-ASCII; YAML gets the text: plain when safe, quoted with control characters escaped.
        var tree = new JsonObject { ["a<b"] = "x > 0 && y+1", ["k"] = "caf\u00e9 \u0085\u0007\"q\"\\", ["plain"] = "a<b>+c" };
        var yaml = YamlWriter.Write(tree);
        Assert.Equal("a<b: \"x > 0 && y+1\"\nk: \"caf\u00e9 \\u0085\\u0007\\\"q\\\"\\\\\"\nplain: a<b>+c\n", yaml);
        Assert.Equal(System.Text.Encoding.UTF8.GetBytes(yaml), YamlWriter.WriteUtf8(tree));
        Assert.Equal(tree.ToJsonString(), YamlReader.Read(yaml)!.ToJsonString());
    }
}
