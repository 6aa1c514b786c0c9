using PgPlatform.Components.Serialization;

namespace PgPlatform.Components.Tests.Serialization;

public sealed class YamlAmbiguityTests
{
    [Fact]
    public void TheWordShortcutAgreesWithTheFullPattern()
    {
        Assert.All(YamlWriter.AmbiguousWords, word => Assert.Matches(YamlWriter.AmbiguousScalar(), word));
        string[] letterFirst = ["nul", "nulls", "Yes1", "tRue", "offset", "yaml", "e10", "inf", "nan", "x0", "a", "No_", "b1010"];
        Assert.All(letterFirst, text => Assert.Equal(YamlWriter.AmbiguousScalar().IsMatch(text), YamlWriter.IsAmbiguous(text)));
        string[] others = ["1", "-1.5", ".inf", "0x1F", "2026-01-01", "=", "<<", "~", "$x", "/path", "_x"];
        Assert.All(others, text => Assert.Equal(YamlWriter.AmbiguousScalar().IsMatch(text), YamlWriter.IsAmbiguous(text)));
    }
}
