using System.Text.Json.Nodes;
using k8s.Models;
using PgPlatform.Components.Serialization;

namespace PgPlatform.Components.Tests.Serialization;

public sealed class CanonicalJsonTests
{
    [Fact]
    public void SerializedBytesAreCanonicalDictionariesIncluded()
    {
        var map = new V1ConfigMap
        {
            ApiVersion = "v1",
            Kind = "ConfigMap",
            Metadata = new V1ObjectMeta { Name = "x", Labels = new Dictionary<string, string> { ["z"] = "1", ["a"] = "2" } },
            Data = new Dictionary<string, string> { ["kind"] = "k", ["apiVersion"] = "v", ["b"] = null! },
        };

        var text = System.Text.Encoding.UTF8.GetString(CanonicalJson.ToUtf8(map));

        Assert.Equal("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"labels":{"a":"2","z":"1"},"name":"x"},"data":{"apiVersion":"v","kind":"k"}}""", text);
    }

    [Fact]
    public void NestedObjectsWithKindSortKindOrdinally()
    {
        var binding = new V1RoleBinding
        {
            ApiVersion = "rbac.authorization.k8s.io/v1",
            Kind = "RoleBinding",
            Metadata = new V1ObjectMeta { Name = "b" },
            RoleRef = new V1RoleRef { ApiGroup = "rbac.authorization.k8s.io", Kind = "Role", Name = "r" },
        };

        var roleRef = CanonicalJson.FromObject(binding)["roleRef"]!.AsObject();

        Assert.Equal(["apiGroup", "kind", "name"], roleRef.Select(p => p.Key));
    }

    [Fact]
    public void UnorderedTreesInsideTypedObjectsAreStillCanonicalized()
    {
        var value = new { apiVersion = "v1", kind = "K", metadata = new { name = "n" }, spec = JsonNode.Parse("""{"z":1,"a":null,"m":[{"y":1,"b":2}]}""") };

        var text = System.Text.Encoding.UTF8.GetString(CanonicalJson.ToUtf8(value));

        Assert.Equal("""{"apiVersion":"v1","kind":"K","metadata":{"name":"n"},"spec":{"m":[{"b":2,"y":1}],"z":1}}""", text);
        Assert.True(JsonNode.DeepEquals(CanonicalJson.Canonicalize(JsonNode.Parse(text)), CanonicalJson.FromObject(value)));
    }
}
