using PgPlatform.Components.Naming;
using PgPlatform.Components.Validation;

namespace PgPlatform.Components.Tests.Naming;

public sealed class ResourceNamesTests
{
    [Fact]
    public void ShortPathsAreJoinedWithDashes() =>
        Assert.Equal("linkding-prod-cluster", ResourceNames.FromPath(["linkding", "prod", "cluster"]));

    [Fact]
    public void LongPathsAreShortenedToValidStableLabelsWithAHash()
    {
        var parts = new[] { new string('a', 40), new string('b', 40), "cluster" };
        var name = ResourceNames.FromPath(parts);
        Assert.True(name.Length <= 63, name);
        Assert.True(Dns1123.IsLabel(name), name);
        Assert.Equal(name, ResourceNames.FromPath(parts));
        Assert.Matches("-[0-9a-f]{8}$", name);
    }

    [Fact]
    public void TwoLongPathsWithTheSamePrefixDoNotCollide()
    {
        var prefix = new string('a', 70);
        Assert.NotEqual(ResourceNames.FromPath([prefix, "x"]), ResourceNames.FromPath([prefix, "y"]));
    }
}
