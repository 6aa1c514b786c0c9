using System.CommandLine;

namespace PgPlatform.Bench.Tests;

public sealed class BenchCommandTests
{
    private static async Task<(int ExitCode, string Out, string Error)> RunAsync(string commandLine)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var code = await new BenchCommand(output).Parse(commandLine).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task PrintsTimeAndMemoryPerFleet()
    {
        var result = await RunAsync("--sizes 3 5 --check-objects 0");
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("peak MB", result.Out);
        Assert.Matches(@"(?m)^3 x 2\s+\d+\s+\d+\.\d", result.Out);
        Assert.Matches(@"(?m)^5 x 2\s+\d+\s+\d+\.\d", result.Out);
        Assert.DoesNotContain("check:", result.Out);
    }

    [Fact]
    public async Task PrintsCheckThroughputOnTheGeneratedCorpus()
    {
        var result = await RunAsync("--sizes 2 --check-objects 50");
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Matches(@"(?m)^check: 50 objects \(\d+ Clusters, half without namespaces\), parse \d+ ms, rules \d+ ms, \d+ objects/s \(parsing on every core, rules on one thread\), \d+ violations, \d+ MB allocated, process peak working set [1-9]\d* MB \(with the fleets above when they ran\)$", result.Out);
        Assert.Matches(@"(?m)^goal for check \(>= 5000 objects/s\): (met|MISSED)$", result.Out);
    }

    [Fact]
    public async Task ASizeThatIsNotANumberIsAUsageError()
    {
        var result = await RunAsync("--sizes ten");
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("ten", result.Error);
        Assert.DoesNotContain("peak MB", result.Out);
    }

    [Theory]
    [InlineData("--sizes -5", "--sizes")]
    [InlineData("--sizes 0", "--sizes")]
    [InlineData("--sizes 3 -1", "--sizes")]
    [InlineData("--sizes 3 --check-objects -1", "--check-objects")]
    public async Task SizesThatMeasureNothingAreAUsageError(string arguments, string option)
    {
        var result = await RunAsync(arguments);
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"error: {option} must be", result.Error, StringComparison.Ordinal);
        Assert.Equal("", result.Out);
    }
}
