using System.CommandLine;
using System.Globalization;
using PgPlatform.Infra.CommandLine;
using PgPlatform.Stacks.Targets;
using PgPlatform.Stacks.Targets.Local;

namespace PgPlatform.Bench;

/// <summary>
/// <c>pg-platform-bench wal</c>: WAL archive throughput and lag at parallelism 1 and N, and WAL replay from local files
/// against replay from the object store at each restore parallelism, on a real PostgreSQL 15 and Azurite.
/// </summary>
public sealed class WalBenchCommand : Command
{
    /// <summary>Goal (issue 13): WAL replay from the object store at least this fraction of the speed of replay from local files.</summary>
    public const double ReplayGoal = 0.5;

    /// <summary>Segments (16 MB) of write load.</summary>
    public Option<int> Segments { get; } = new("--segments") { Description = "WAL segments (16 MB each) of write load: half archived at parallelism 1, half at --archive-parallel; all of it replayed", DefaultValueFactory = _ => 32 };

    /// <summary>Archive parallelism of the second half of the load.</summary>
    public Option<int> ArchiveParallel { get; } = new("--archive-parallel") { Description = "Files archived at once in the second half of the load (the production tier declares 8)", DefaultValueFactory = _ => 8 };

    /// <summary>Restore parallelisms replayed.</summary>
    public Option<int[]> RestoreParallel { get; } = new("--restore-parallel") { Description = "Restore parallelisms to replay at", DefaultValueFactory = _ => [1, 2, 4, 8], AllowMultipleArgumentsPerToken = true };

    /// <summary>Creates the command, printing to <paramref name="output"/>.</summary>
    public WalBenchCommand(TextWriter output)
        : base("wal", "Archive N WAL segments of write load at parallelism 1 and N (MB/s, segments waiting at the end of the load), then replay them onto a base backup from local files and from the object store at each restore parallelism (seconds, segments/s, ratio to local). Needs PostgreSQL 15, barman-cloud and Azurite (scripts/install-prereqs.sh).")
    {
        Options.Add(Segments);
        Options.Add(ArchiveParallel);
        Options.Add(RestoreParallel);
        SetAction(async (parse, cancellationToken) =>
        {
            var error = parse.InvocationConfiguration.Error;
            var segments = parse.GetValue(Segments);
            var archive = parse.GetValue(ArchiveParallel);
            var restore = parse.GetValue(RestoreParallel)!;
            if (segments < 4 || archive < 1 || restore.Length == 0 || restore.Any(p => p < 1))
            {
                error.WriteLine($"error: --segments must be 4 or more, --archive-parallel and every --restore-parallel 1 or more (got {segments}, {archive}, '{string.Join(" ", restore)}'). Fix: e.g. --segments 32 --archive-parallel 8 --restore-parallel 1 2 4 8");
                return (int)ExitCode.Usage;
            }

            double? local = null;
            try
            {
                await WalThroughput.RunAsync(segments, archive, [.. restore.Distinct()], LocalTargetOptions.FromEnvironment(Environment.GetEnvironmentVariable),
                    phase => output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"archive x{phase.Parallel}: {phase.Segments} segments written in {phase.Load.TotalSeconds:F1} s, {phase.ReadyAtEndOfLoad} waiting at the end of the load, caught up {phase.CatchUp.TotalSeconds:F1} s later: {phase.MegabytesPerSecond:F1} MB/s (load average {phase.LoadAverage})")),
                    replay =>
                    {
                        local ??= replay.Elapsed.TotalSeconds;
                        var ratio = local.Value / replay.Elapsed.TotalSeconds;
                        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                            $"replay {replay.Source,-9} {replay.Segments} segments in {replay.Elapsed.TotalSeconds,6:F1} s, {replay.SegmentsPerSecond,5:F2} segments/s, {ratio,4:P0} of local{(replay.Source == "local" ? "" : ratio >= ReplayGoal ? " (goal met)" : " (goal MISSED)")} (load average {replay.LoadAverage})"));
                    },
                    cancellationToken);
            }
            catch (TargetUnavailableException e)
            {
                error.WriteLine($"error: {e.Message}");
                return (int)ExitCode.TargetUnavailable;
            }

            return 0;
        });
    }
}
