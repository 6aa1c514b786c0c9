using System.Diagnostics;
using PgPlatform.Components.Day2;
using PgPlatform.Components.Tiers;
using PgPlatform.Infra.Platform;
using PgPlatform.Components.Settings;
using PgPlatform.Components.Declaration;

namespace PgPlatform.Bench;

/// <summary>Synthesizes generated fleets (N applications in a development and a production stack) and measures time and memory.</summary>
public static class FleetBenchmark
{
    /// <summary>One measured fleet.</summary>
    public sealed record Result(int Applications, TimeSpan Elapsed, long PeakWorkingSetBytes, long AllocatedBytes, long OutputBytes, int Files);

    /// <summary>Synthesizes both programs and the GitOps tree for a fleet of <paramref name="applications"/> applications.</summary>
    public static Result Run(int applications)
    {
        var catalog = Enumerable.Range(1, applications).Select(i => Entry($"app-{i:D4}")).ToList();
        var names = catalog.Select(c => c.Name).ToList();
        var stacks = new[] { SyntheticStacks.Settings("dev", TierProfiles.Development, names), SyntheticStacks.Settings("prod", TierProfiles.Production, names) };
        GC.Collect();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        var models = stacks.AsParallel().AsOrdered()
            .Select(s => (Settings: s, Model: StackSynthesis.Model(s, catalog)))
            .Select(m => (m.Settings, m.Model, Program: StackSynthesis.Program(m.Settings, m.Model)))
            .ToList();
        var bytes = models.Sum(m => (long)m.Program.Length);
        var gitops = StackSynthesis.GitOps(models.Select(m => (m.Settings, m.Model)));
        bytes += gitops.Values.Sum(v => (long)v.Length);
        clock.Stop();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return new Result(applications, clock.Elapsed, process.PeakWorkingSet64, GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore, bytes, gitops.Count + models.Count);
    }

    private static CatalogEntry Entry(string name) => new(name, "bench", new AppWorkloadArgs
    {
        Team = "bench",
        Image = new ContainerImage("registry.example.com/bench/app", "1.0.0"),
        Port = 8080,
        DatabaseEnvironment = new DatabaseEnvironmentNames { Host = "DB_HOST", Port = "DB_PORT", Database = "DB_NAME", User = "DB_USER", Password = "DB_PASSWORD" },
    });
}
