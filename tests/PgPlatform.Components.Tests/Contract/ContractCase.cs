using System.Text.Json.Nodes;
using PgPlatform.Components.Contract;

namespace PgPlatform.Components.Tests.Contract;

/// <summary>One corpus case: a tree of manifests that must pass or fail one rule.</summary>
public sealed record ContractCase(string RuleId, string Description, bool Passes, Func<List<JsonObject>> Build)
{
    /// <summary>The tree as manifests, named after the case.</summary>
    public IReadOnlyList<Manifest> Manifests() => Build().Select((o, i) => new Manifest(o, $"{RuleId}/{Description}", i + 1)).ToList();

    /// <summary>xunit shows this in the test name.</summary>
    public override string ToString() => $"{RuleId} {(Passes ? "passes" : "fails")}: {Description}";
}
