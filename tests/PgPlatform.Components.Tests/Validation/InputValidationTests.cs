using PgPlatform.Components.Model;
using PgPlatform.Components.Validation;

namespace PgPlatform.Components.Tests.Validation;

public sealed class InputValidationTests
{
    [Theory]
    [InlineData("linkding", true)]
    [InlineData("wiki-js2", true)]
    [InlineData("Linkding", false)]
    [InlineData("-app", false)]
    [InlineData("app-", false)]
    [InlineData("9app", false)]
    [InlineData("app_db", false)]
    [InlineData("", false)]
    public void Dns1123Labels(string value, bool valid) => Assert.Equal(valid, Dns1123.IsLabel(value));

    [Fact]
    public void TooLongNamesSayHowLongTheyAreAndTheLimit()
    {
        var e = Assert.Throws<DeclarationException>(() => Dns1123.RequireLabel(new string('a', 70), "application name", 40));
        Assert.Contains("70 characters", e.Message);
        Assert.Contains("40", e.Message);
    }

    [Theory]
    [InlineData("10Gi", true)]
    [InlineData("500m", true)]
    [InlineData("1.5", true)]
    [InlineData("1e3", true)]
    [InlineData("10GB", false)]
    [InlineData("ten", false)]
    [InlineData("10 Gi", false)]
    [InlineData("", false)]
    public void Quantities(string value, bool valid) => Assert.Equal(valid, Quantity.IsValid(value));

    [Fact]
    public void BadQuantityErrorGivesExamples()
    {
        var e = Assert.Throws<DeclarationException>(() => Quantity.Require("10GB", "storageSize"));
        Assert.Contains("'10GB' is not a Kubernetes quantity", e.Message);
        Assert.Contains("10Gi", e.Fix);
    }

    [Theory]
    [InlineData("0 0 3 * * *")]
    [InlineData("0 */15 * * * *")]
    [InlineData("0 0 3 * * 1-5")]
    [InlineData("@daily")]
    [InlineData("@every 1h")]
    public void SixFieldSchedulesAreAccepted(string schedule) => Assert.Null(CnpgSchedule.Explain(schedule));

    [Fact]
    public void FiveFieldScheduleIsRejectedExplainingTheHourlyTrap()
    {
        var problem = CnpgSchedule.Explain("0 3 * * *");
        Assert.NotNull(problem);
        Assert.Contains("5 fields", problem);
        Assert.Contains("second 0 of minute 3", problem);
        Assert.Contains("'0 0 3 * * *'", problem);
    }

    [Theory]
    [InlineData("0 0 3 * *  * *")]
    [InlineData("0 0 3 * * % ")]
    [InlineData("@sometimes")]
    public void MalformedSchedulesAreRejected(string schedule) => Assert.NotNull(CnpgSchedule.Explain(schedule));
}
