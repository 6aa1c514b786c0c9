using System.Text.Json.Nodes;
using PgPlatform.Components.Versions;

namespace PgPlatform.Infra.Tests.ProductionPath;

/// <summary>
/// Issue 11, item 4: a release runs the images its chart ships. An image override splits a release (the plugin's
/// operator at v0.14.0 with its sidecar, CRD and RBAC at the chart's v0.12.0), so no release sets one.
/// </summary>
public sealed class ReleaseImageTests
{
    public static TheoryData<string> Stacks => StackPrograms.Names;

    [Theory]
    [MemberData(nameof(Stacks))]
    public void NoReleaseOverridesAnImage(string stack)
    {
        foreach (var (name, resource) in StackPrograms.Of(stack).Resources.Where(r => (string?)r.Resource["type"] == "kubernetes:helm.sh/v3:Release"))
        {
            var overrides = ImageKeys(resource["properties"]!["values"], "values").ToList();
            Assert.True(overrides.Count == 0, $"{stack}: release {name} overrides {string.Join(", ", overrides)}");
        }
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void EveryReleaseInstallsAPinnedChart(string stack)
    {
        var pinned = typeof(HelmCharts).GetFields().Select(f => f.GetValue(null)).OfType<HelmChart>().Select(c => (c.Chart, c.Version)).ToHashSet();
        foreach (var (name, resource) in StackPrograms.Of(stack).Resources.Where(r => (string?)r.Resource["type"] == "kubernetes:helm.sh/v3:Release"))
        {
            var properties = resource["properties"]!;
            Assert.Contains(((string)properties["chart"]!, (string)properties["version"]!), pinned);
        }
    }

    [Fact]
    public void TheScanFindsAnOverride()
    {
        var values = JsonNode.Parse("""{"global": {"image": {"tag": "v3.5.1"}}, "sidecarImage": {"repository": "x"}, "crds": {"create": true}}""");
        Assert.Equal(["values.global.image", "values.sidecarImage"], ImageKeys(values, "values"));
    }

    // Helm charts name image settings "image", "<something>Image" or "images"; any of them under values is an override.
    private static IEnumerable<string> ImageKeys(JsonNode? node, string path)
    {
        if (node is not JsonObject obj)
        {
            yield break;
        }

        foreach (var (key, value) in obj)
        {
            if (key.Equals("image", StringComparison.OrdinalIgnoreCase) || key.EndsWith("Image", StringComparison.Ordinal) || key == "images")
            {
                yield return $"{path}.{key}";
                continue;
            }

            foreach (var found in ImageKeys(value, $"{path}.{key}"))
            {
                yield return found;
            }
        }
    }
}
