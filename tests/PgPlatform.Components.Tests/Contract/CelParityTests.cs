using PgPlatform.Components.Contract;
using PgPlatform.Components.Contract.Enforcement;
using PgPlatform.Components.Contract.Rules;
using PgPlatform.Components.Serialization;
using PgPlatform.Testing.Cel;

namespace PgPlatform.Components.Tests.Contract;

/// <summary>
/// Each rule's CEL expression (what the cluster enforces) gives the same verdict as its C# object check
/// (what synthesis and <c>check</c> enforce) on every object of the corpus. A CEL error counts as a denial,
/// as it does in the API server with failurePolicy Fail.
/// </summary>
public sealed class CelParityTests
{
    private static IEnumerable<Manifest> CorpusObjects() =>
        ContractCorpus.Cases().SelectMany(c => c.Manifests())
            .Append(new Manifest(YamlReader.Read(ContractCorpus.SeedArticleCluster)!.AsObject(), "seed", 1));

    [Fact]
    public void CelAndCSharpAgreeOnEveryObjectOfTheCorpus()
    {
        var mismatches = new List<string>();
        var outcomes = new Dictionary<string, HashSet<bool>>();
        foreach (var manifest in CorpusObjects())
        {
            foreach (var rule in ContractRules.All.Where(r => r.Cel is not null))
            {
                if (!rule.Cel!.Resources.Any(r => manifest.Is(r.Group, r.Kind)))
                {
                    continue;
                }

                var allowedByCSharp = !rule.CheckObject(manifest, ContractChecker.TierOf(manifest)).Any();
                var cel = CelEvaluator.Shared.EvaluateValidation(rule.Cel.Expression, manifest.Object);
                outcomes.TryAdd(rule.Id, []);
                outcomes[rule.Id].Add(cel.IsTrue);
                if (allowedByCSharp != cel.IsTrue)
                {
                    mismatches.Add($"{rule.Id} on {manifest.Source} {manifest.Reference}: C# {(allowedByCSharp ? "allows" : "denies")}, CEL {cel}");
                }
            }
        }

        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches.Distinct()));
        foreach (var rule in ContractRules.All.Where(r => r.Cel is not null))
        {
            Assert.True(outcomes.TryGetValue(rule.Id, out var seen) && seen.SetEquals([true, false]), $"{rule.Id}: the corpus must make its CEL both allow and deny");
        }
    }

    [Fact]
    public void PassingObjectsEvaluateWithoutErrors()
    {
        var production = Tiers.TierProfiles.Production;
        foreach (var manifest in ContractCorpus.Platform(production).Concat(ContractCorpus.Platform(production, ContractCorpus.Recovery)).Select((o, i) => new Manifest(o, "platform", i)))
        {
            foreach (var rule in ContractRules.All.Where(r => r.Cel is not null && r.Cel.Resources.Any(x => manifest.Is(x.Group, x.Kind))))
            {
                var cel = CelEvaluator.Shared.EvaluateValidation(rule.Cel!.Expression, manifest.Object);
                Assert.True(cel.IsTrue && cel.Succeeded, $"{rule.Id} on {manifest.Reference}: {cel}");
            }
        }
    }
}
