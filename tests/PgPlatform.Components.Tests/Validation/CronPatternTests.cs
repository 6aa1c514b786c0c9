using System.Text.RegularExpressions;
using PgPlatform.Components.Validation;

namespace PgPlatform.Components.Tests.Validation;

/// <summary>The admission policy's schedule pattern accepts exactly the in-range values of each field, as CronField does.</summary>
public sealed class CronPatternTests
{
    [Fact]
    public void EachFieldAcceptsItsBoundsAndRefusesOneBeyondEitherEnd()
    {
        var pattern = new Regex(CronPattern.Schedule, RegexOptions.CultureInvariant);
        var misjudged = new List<string>();
        for (var field = 0; field < CronField.Fields.Count; field++)
        {
            var (name, min, max, _) = CronField.Fields[field];
            for (var value = 0; value <= max + 41; value++)
            {
                var fields = new[] { "0", "0", "0", "1", "1", "0" };
                fields[field] = $"{value}";
                var schedule = string.Join(' ', fields);
                var inRange = value >= min && value <= max;
                if (pattern.IsMatch(schedule) != inRange || (CronField.Parse($"{value}", field).Problem is null) != inRange)
                {
                    misjudged.Add($"{name} {value}");
                }
            }
        }

        Assert.Empty(misjudged);
    }

    [Theory]
    [InlineData("0 0 3 * * *", true)]
    [InlineData("@daily", true)]
    [InlineData("@every 1h30m", true)]
    [InlineData("0 0 3 * jan,FEB-mar sun-Sat", true)]
    [InlineData("0 0 3 * * 0-6/2", true)]
    [InlineData("0 3 * * *", false)]
    [InlineData("0 0 3 * * * 2026", false)]
    [InlineData("0 0 3 * * 1/0", false)]
    [InlineData("0 0 3 * * mo", false)]
    [InlineData("0 0 3 * * sun-sat,8", false)]
    public void WholeSchedules(string schedule, bool accepted) =>
        Assert.Equal(accepted, Regex.IsMatch(schedule, CronPattern.Schedule, RegexOptions.CultureInvariant));

    [Fact]
    public void NumbersAreAlternativesWithoutLeadingZeros() =>
        Assert.Equal("[1-9]|1[0-9]|2[0-9]|3[0-1]", CronPattern.Numbers(1, 31));
}
