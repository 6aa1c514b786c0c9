using System.Text;
using PgPlatform.Components.Serialization;

namespace PgPlatform.Components.Tests.Serialization;

/// <summary>
/// A large stream is read in parts side by side (<see cref="YamlStreamParts"/>); what comes out (documents, their
/// lines, errors and breached limits) is what reading it in one piece gives.
/// </summary>
public sealed class YamlStreamPartsTests
{
    private static readonly YamlLimits Unbounded = new() { MaxFileBytes = long.MaxValue, MaxDepth = 64, MaxNodes = long.MaxValue, MaxAliasNodes = long.MaxValue };

    // Well over the size that is cut, with what could fool a cut: marker-like lines inside block and quoted scalars,
    // anchors, a document end marker, comments, an empty document, and a first document without a marker.
    private static string Corpus(int documents)
    {
        var text = new StringBuilder("kind: First\n");
        for (var i = 0; i < documents; i++)
        {
            text.Append("---\n");
            text.Append(i % 97 == 0 ? "# a comment\n" : "");
            text.Append($"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-{i}\n  labels: &l {{app: a{i}, n: {i}}}\n");
            text.Append($"data:\n  script: |\n    echo {i}\n    --- not a marker, indented\n  quoted: \"x\n    --- y\"\n  again: *l\n  n: {i}.5\n  flag: true\n");
            text.Append(i % 101 == 0 ? "...\n---\n" : "");
        }

        return text.ToString();
    }

    private static List<YamlDocumentElement> InOnePiece(string text, YamlLimits limits) => new YamlJsonBuilder(limits).ReadStream(new StringReader(text));

    [Fact]
    public void APartedReadGivesTheDocumentsAndLinesOfAReadInOnePiece()
    {
        var text = Corpus(12000);
        Assert.True(text.Length > 2 * YamlStreamParts.MinimumLength, "the corpus is cut");
        Assert.True(YamlStreamParts.Cut(text, 4).Count == 4);

        var parted = YamlReader.ReadElements(text, Unbounded);
        var whole = InOnePiece(text, Unbounded);

        Assert.Equal(whole.Count, parted.Count);
        Assert.Equal(whole.Select(d => (d.Line, d.Element.GetRawText())), parted.Select(d => (d.Line, d.Element.GetRawText())));
        Assert.Equal("{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"cm-11999\",\"labels\":{\"app\":\"a11999\",\"n\":11999}},\"data\":{\"script\":\"echo 11999\\n--- not a marker, indented\\n\",\"quoted\":\"x --- y\",\"again\":{\"app\":\"a11999\",\"n\":11999},\"n\":11999.5,\"flag\":true}}", parted[^1].Element.GetRawText());
    }

    [Fact]
    public void AnErrorLateInALargeStreamIsReportedAtItsLineInTheFile()
    {
        var text = Corpus(12000) + "---\nkind: Broken\nmetadata: {name: [x}\n";
        var expected = Assert.ThrowsAny<YamlFormatException>(() => InOnePiece(text, Unbounded));
        var error = Assert.ThrowsAny<YamlFormatException>(() => YamlReader.ReadElements(text, Unbounded));
        Assert.Equal(expected.Message, error.Message);
        Assert.Equal(text.Count(c => c == '\n'), error.Line);
    }

    [Fact]
    public void LimitsHoldForTheWholeFileWhenEachPartStaysWithinThem()
    {
        var text = Corpus(12000);
        var builder = new YamlJsonBuilder(Unbounded);
        builder.ReadStream(new StringReader(text));
        var limits = Unbounded with { MaxNodes = builder.Nodes - 1, MaxAliasNodes = builder.AliasNodes };
        Assert.True(builder.Nodes / 2 < limits.MaxNodes, "no half of the stream breaks the limit on its own");

        var expected = Assert.Throws<YamlLimitException>(() => InOnePiece(text, limits));
        var error = Assert.Throws<YamlLimitException>(() => YamlReader.ReadElements(text, limits));
        Assert.Equal(expected.Message, error.Message);
        Assert.Contains("(limit: nodes per file)", error.Message);

        var aliases = Assert.Throws<YamlLimitException>(() => YamlReader.ReadElements(text, Unbounded with { MaxAliasNodes = builder.AliasNodes - 1 }));
        Assert.Contains("(limit: alias expansion per file; an alias bomb?)", aliases.Message);
    }
}
