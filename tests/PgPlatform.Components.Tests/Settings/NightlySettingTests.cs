using System.Text.Json.Nodes;
using PgPlatform.Components.Settings;

namespace PgPlatform.Components.Tests.Settings;

public sealed class NightlySettingTests
{
    [Fact]
    public void TheMappingOrItsJsonGivesTheBoundsAndAbsenceGivesNone()
    {
        Assert.Equal(new NightlySelection { Concurrency = 8, Window = "90m" }, NightlySettingParser.Parse(JsonNode.Parse("""{"concurrency": 8, "window": "90m"}"""), "Pulumi.prod.yaml"));
        Assert.Equal(new NightlySelection { Window = "6h" }, NightlySettingParser.Parse(JsonValue.Create("""{"window": "6h"}"""), "Pulumi.prod.yaml"));
        Assert.Equal(new NightlySelection(), NightlySettingParser.Parse(null, "Pulumi.prod.yaml"));
    }

    [Theory]
    [InlineData("""{"concurrency": 0}""", "concurrency '0' is not a whole number from 1 to 64")]
    [InlineData("""{"concurrency": 65}""", "concurrency '65' is not a whole number from 1 to 64")]
    [InlineData("""{"concurrency": "four"}""", "concurrency 'four' is not a whole number")]
    [InlineData("""{"window": "6 hours"}""", "window '6 hours' is not a duration like 6h or 90m")]
    [InlineData("""{"window": "0h"}""", "window '0h' is not a duration")]
    [InlineData("""{"windows": "6h"}""", "unknown field 'windows'")]
    public void BadBoundsAreRefusedNamingTheSettingAndTheFile(string json, string expected)
    {
        var error = Assert.Throws<SettingsException>(() => NightlySettingParser.Parse(JsonNode.Parse(json), "Pulumi.prod.yaml"));

        Assert.Contains($"'{SettingKeys.Nightly.Key}' in Pulumi.prod.yaml", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains("Fix: ", error.Message, StringComparison.Ordinal);
    }
}
