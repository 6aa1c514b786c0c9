using System.Text.Json.Nodes;
using PgPlatform.Components.Model;
using PgPlatform.Components.Synthesis.Pulumi;

namespace PgPlatform.Components.Tests.Synthesis;

public sealed class PulumiValuesTests
{
    [Fact]
    public void LiteralDollarsAreDoubledSoPulumiDoesNotInterpolateThem()
    {
        var literal = PulumiValues.Literal(new JsonObject { ["description"] = "pod {{ $labels.pod }} costs $5 and ${x}" })!;
        Assert.Equal("pod {{ $$labels.pod }} costs $$5 and $${x}", (string?)literal["description"]);
    }

    [Fact]
    public void OutputReferencesBecomeInterpolations()
    {
        var map = PulumiValues.Map(new Dictionary<string, object?> { ["value"] = new OutputReference("pw", "result"), ["plain"] = "a$b" });
        Assert.Equal("${pw.result}", (string?)map["value"]);
        Assert.Equal("a$$b", (string?)map["plain"]);
    }

    [Fact]
    public void InvokesBecomeFnInvoke()
    {
        var node = PulumiValues.From(new InvokeExpression("azure-native:authorization:getClientConfig", "tenantId"))!;
        Assert.Equal("azure-native:authorization:getClientConfig", (string?)node["fn::invoke"]!["function"]);
        Assert.Equal("tenantId", (string?)node["fn::invoke"]!["return"]);
    }
}
