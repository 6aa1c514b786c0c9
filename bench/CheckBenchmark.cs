using System.Diagnostics;
using PgPlatform.Components.Contract;
using PgPlatform.Components.Contract.Enforcement;
using PgPlatform.Components.Model;
using PgPlatform.Components.Serialization;
using PgPlatform.Components.Tiers;
using PgPlatform.Infra.Platform;
using PgPlatform.Components.Settings;
using PgPlatform.Components.Declaration;

namespace PgPlatform.Bench;

/// <summary>Throughput of <c>check</c> on a generated corpus: YAML parsing (on every core for a large stream) plus every rule (on one thread).</summary>
public static class CheckBenchmark
{
    /// <summary>One measurement.</summary>
    /// <param name="Objects">Objects parsed and checked.</param>
    /// <param name="Clusters">CNPG Clusters among the objects.</param>
    /// <param name="Violations">Contract violations found.</param>
    /// <param name="Parse">Time to parse the YAML stream.</param>
    /// <param name="Check">Time to run every rule.</param>
    /// <param name="AllocatedBytes">Managed bytes allocated by parsing and checking.</param>
    /// <param name="PeakWorkingSetBytes">The process's peak working set after the check (it includes whatever ran before it in the process).</param>
    public sealed record Result(int Objects, int Clusters, int Violations, TimeSpan Parse, TimeSpan Check, long AllocatedBytes, long PeakWorkingSetBytes)
    {
        /// <summary>Objects per second through parse and check.</summary>
        public double ObjectsPerSecond => Objects / (Parse + Check).TotalSeconds;
    }

    /// <summary>Generates at least <paramref name="objects"/> objects as one YAML stream, then parses and checks it.</summary>
    public static Result Run(int objects)
    {
        // Each application yields ten objects; generate enough and keep exactly the number asked for.
        var apps = objects / 10 + 1;
        var catalog = Enumerable.Range(1, apps).Select(i => ApplicationCatalog.Linkding with { Name = $"app-{i:D5}" }).ToList();
        var settings = SyntheticStacks.Settings("bench", TierProfiles.Production, catalog.Select(c => c.Name));
        var model = PlatformDeclaration.Build(settings, catalog);
        var resources = model.KubernetesObjects.Take(objects).ToList();
        // Every other application is written as a kustomize base writes it, without namespaces: the worst case for the
        // cross-object rules, whose lookups then cannot narrow by namespace (before the run's index, check was quadratic here).
        var namespaceless = catalog.Where((_, i) => i % 2 == 1).Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var yaml = YamlWriter.WriteAll(resources.Select(o =>
        {
            var json = o.ToJson();
            if (namespaceless.Contains(o.Application))
            {
                (json["metadata"] as System.Text.Json.Nodes.JsonObject)?.Remove("namespace");
            }

            return json;
        }));

        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();

        // The corpus includes the objects Pulumi delivers, whose deploy-time values only files applied as written may not hold.
        var manifests = YamlReader.ReadElements(yaml)
            .Zip(resources, (d, o) => new Manifest(d.Element, "bench.yaml", d.Line) { DeliveredByPulumi = o.Group.IsDeliveredByPulumi(Delivery.GitOps) })
            .ToList();
        var parse = clock.Elapsed;
        clock.Restart();
        var violations = ContractChecker.Check(manifests);
        var check = clock.Elapsed;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        using var process = Process.GetCurrentProcess();
        return new Result(manifests.Count, manifests.Count(m => m.Kind == Components.Vocabulary.CnpgApi.ClusterKind), violations.Count, parse, check, allocated, process.PeakWorkingSet64);
    }
}
