using System.Text.Json.Nodes;
using PgPlatform.Components.Synthesis.GitOps;

namespace PgPlatform.Components.Tests.Synthesis;

public sealed class JsonPatchDiffTests
{
    [Fact]
    public void ReplacesAddsAndRemovesWithEscapedPaths()
    {
        var from = JsonNode.Parse("""{"metadata":{"labels":{"a/b":"x","gone":"y"}},"spec":{"n":1,"list":[1,2]}}""")!.AsObject();
        var to = JsonNode.Parse("""{"metadata":{"labels":{"a/b":"z"}},"spec":{"n":1,"list":[1,3],"new":{"k":true}}}""")!.AsObject();
        var ops = JsonPatchDiff.Diff(from, to);
        Assert.Equal(
            """[{"op":"replace","path":"/metadata/labels/a~1b","value":"z"},{"op":"remove","path":"/metadata/labels/gone"},{"op":"replace","path":"/spec/list","value":[1,3]},{"op":"add","path":"/spec/new","value":{"k":true}}]""",
            ops.ToJsonString());
    }

    [Fact]
    public void IdenticalObjectsGiveNoOperations()
    {
        var obj = JsonNode.Parse("""{"a":{"b":[1,{"c":2}]}}""")!.AsObject();
        Assert.Empty(JsonPatchDiff.Diff(obj, obj.DeepClone().AsObject()));
    }
}
