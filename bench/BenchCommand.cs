using System.CommandLine;
using System.Globalization;
using PgPlatform.Infra.CommandLine;

namespace PgPlatform.Bench;

/// <summary><c>pg-platform-bench</c>: synthesis time and peak memory for fleets of applications in two stacks, then <c>check</c> throughput.</summary>
public sealed class BenchCommand : RootCommand
{
    /// <summary>Goal for the largest fleet (1,000 applications x 2 stacks): wall time.</summary>
    public static readonly TimeSpan TimeGoal = TimeSpan.FromSeconds(2);

    /// <summary>Goal for the largest fleet: peak working set.</summary>
    public const long MemoryGoalBytes = 400L * 1024 * 1024;

    /// <summary>Fleet sizes.</summary>
    public Option<int[]> Sizes { get; } = new("--sizes") { Description = "Fleet sizes (applications per stack), run in ascending order", DefaultValueFactory = _ => [10, 100, 1000], AllowMultipleArgumentsPerToken = true };

    /// <summary>Goal for <c>check</c>: objects per second on one core.</summary>
    public const double CheckGoalObjectsPerSecond = 5000;

    /// <summary>Default size of the generated <c>check</c> corpus: at least 30,000 objects, the scale the goal holds for.</summary>
    public const int DefaultCheckObjects = 30000;

    /// <summary>Objects in the generated <c>check</c> corpus.</summary>
    public Option<int> CheckObjects { get; } = new("--check-objects") { Description = "Objects in the generated corpus for the check benchmark (0 skips it)", DefaultValueFactory = _ => DefaultCheckObjects };

    /// <summary>Creates the command, printing its table to <paramref name="output"/>.</summary>
    public BenchCommand(TextWriter output)
        : base("Synthesize fleets of N applications x 2 stacks (default N = 10, 100, 1000) and print wall time and peak memory; then time check on a generated corpus.")
    {
        Options.Add(Sizes);
        Options.Add(CheckObjects);
        Subcommands.Add(new WalBenchCommand(output));
        SetAction(parse =>
        {
            var error = parse.InvocationConfiguration.Error;
            var requested = parse.GetValue(Sizes)!;
            if (requested.Length == 0 || requested.Any(s => s <= 0))
            {
                error.WriteLine($"error: --sizes must be whole numbers of 1 or more (got '{string.Join(" ", requested)}'). Fix: e.g. --sizes 10 100 1000");
                return (int)ExitCode.Usage;
            }

            if (parse.GetValue(CheckObjects) < 0)
            {
                error.WriteLine($"error: --check-objects must be 0 (skip the check benchmark) or more (got {parse.GetValue(CheckObjects)}). Fix: e.g. --check-objects {DefaultCheckObjects}");
                return (int)ExitCode.Usage;
            }

            var sizes = requested.Distinct().Order().ToList();
            FleetBenchmark.Run(2);
            output.WriteLine($"{"apps x stacks",-14} {"wall ms",9} {"peak MB",9} {"alloc MB",9} {"files",7} {"output MB",10}");
            FleetBenchmark.Result? last = null;
            foreach (var size in sizes)
            {
                last = FleetBenchmark.Run(size);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{$"{size} x 2",-14} {last.Elapsed.TotalMilliseconds,9:F0} {last.PeakWorkingSetBytes / 1048576.0,9:F1} {last.AllocatedBytes / 1048576.0,9:F1} {last.Files,7} {last.OutputBytes / 1048576.0,10:F2}"));
            }

            if (last is { Applications: >= 1000 })
            {
                var met = last.Elapsed <= TimeGoal && last.PeakWorkingSetBytes <= MemoryGoalBytes;
                output.WriteLine($"goal for 1000 x 2 (< {TimeGoal.TotalSeconds:F0} s, < {MemoryGoalBytes / 1048576} MB peak): {(met ? "met" : "MISSED")}");
            }

            if (parse.GetValue(CheckObjects) is > 0 and var count)
            {
                CheckBenchmark.Run(200);
                var check = CheckBenchmark.Run(count);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"check: {check.Objects} objects ({check.Clusters} Clusters, half without namespaces), parse {check.Parse.TotalMilliseconds:F0} ms, rules {check.Check.TotalMilliseconds:F0} ms, {check.ObjectsPerSecond:F0} objects/s (parsing on every core, rules on one thread), {check.Violations} violations, {check.AllocatedBytes / 1048576.0:F0} MB allocated, process peak working set {check.PeakWorkingSetBytes / 1048576.0:F0} MB (with the fleets above when they ran)"));
                output.WriteLine($"goal for check (>= {CheckGoalObjectsPerSecond:F0} objects/s): {(check.ObjectsPerSecond >= CheckGoalObjectsPerSecond ? "met" : "MISSED")}");
            }

            return 0;
        });
    }
}
