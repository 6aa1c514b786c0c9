using PgPlatform.Components.Tiers;
using PgPlatform.Components.Settings;

namespace PgPlatform.Components.Settings;

/// <summary>Stack settings for generated fleets (benchmarks, tests): valid placeholder values, chosen applications.</summary>
public static class SyntheticStacks
{
    /// <summary>Settings of stack <paramref name="stack"/> of <paramref name="tier"/> deploying <paramref name="applications"/>.</summary>
    public static StackSettings Settings(string stack, TierProfile tier, IEnumerable<string> applications) => new()
    {
        Stack = stack,
        Tier = tier,
        KubeContext = $"synthetic-{stack}",
        AzureLocation = "westeurope",
        ResourceGroup = $"rg-synthetic-{stack}",
        KeyVaultName = $"kv-synthetic-{stack}",
        BackupStorageAccount = $"stsynthetic{stack}",
        GitOpsRepoUrl = "https://git.example.com/synthetic/gitops.git",
        Databases = applications.Select(a => new DatabaseSelection { Name = a }).ToList(),
    };
}
