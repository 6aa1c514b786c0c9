using PgPlatform.Components.Contract;
using PgPlatform.Components.Contract.Rules;
using PgPlatform.Components.Settings;
using PgPlatform.Testing;

namespace PgPlatform.Components.Tests;

/// <summary>The README documents the contract and the stack settings exactly as the components define them.</summary>
public sealed class ReadmeTests
{
    [Fact]
    public void TheReadmeListsEveryRuleAsTheCodeDefinesIt()
    {
        var readme = File.ReadAllText(Path.Combine(SharedSchemas.RepoRoot, "README.md"));
        foreach (var rule in ContractRules.All)
        {
            var tiers = rule.Tiers is null ? "all" : string.Join(", ", rule.Tiers.Order().Select(t => t.ToString().ToLowerInvariant()));
            Assert.Contains($"| {rule.Id} | {tiers} | {rule.Enforcement} | {rule.Title} |", readme);
        }
    }

    [Fact]
    public void TheReadmeDocumentsEveryStackSetting()
    {
        var readme = File.ReadAllText(Path.Combine(SharedSchemas.RepoRoot, "README.md"));
        foreach (var key in SettingKeys.All)
        {
            Assert.Contains($"| `{key.Key}` | {(key.Required ? "yes" : "no")} |", readme);
        }
    }
}
