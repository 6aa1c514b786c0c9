using System.Diagnostics;

namespace PgPlatform.Testing.Prometheus;

/// <summary>
/// Runs Prometheus' own <c>promtool</c> (Debian's <c>prometheus</c> package, installed by
/// <c>scripts/install-prereqs.sh</c>) over rule files and rule unit tests: the engine that will evaluate the
/// rules judges them, not a check of ours.
/// </summary>
public static class PromTool
{
    /// <summary>Environment variable that, when set, names the promtool binary to use instead of <c>/usr/bin/promtool</c>.</summary>
    public const string EnvironmentVariable = "PGP_PROMTOOL";

    /// <summary>Absolute path of promtool.</summary>
    /// <exception cref="FileNotFoundException">promtool is not installed.</exception>
    public static string Path
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
            var path = string.IsNullOrWhiteSpace(configured) ? "/usr/bin/promtool" : System.IO.Path.GetFullPath(configured);
            return File.Exists(path)
                ? path
                : throw new FileNotFoundException($"promtool not found at '{path}'. Run scripts/install-prereqs.sh from the repository root (Debian package prometheus), or set {EnvironmentVariable}.", path);
        }
    }

    /// <summary><c>promtool check rules FILE...</c>: syntax, PromQL and templates of rule files.</summary>
    public static PromToolResult CheckRules(params string[] files) => Run(["check", "rules", .. files]);

    /// <summary><c>promtool test rules FILE...</c>: rule unit tests (series in, alerts out).</summary>
    public static PromToolResult TestRules(params string[] files) => Run(["test", "rules", .. files]);

    private static PromToolResult Run(IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(Path) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {Path}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"promtool {string.Join(' ', start.ArgumentList)} did not finish within 2 minutes");
        }

        return new PromToolResult(process.ExitCode, output.Result, error.Result);
    }
}
