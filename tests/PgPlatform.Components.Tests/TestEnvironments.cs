using PgPlatform.Components.Day2;
using PgPlatform.Components.Tiers;

namespace PgPlatform.Components.Tests;

/// <summary>Environments and declarations shared by the component tests.</summary>
internal static class TestEnvironments
{
    public static PlatformEnvironment For(TierProfile tier, string name = "test") => new()
    {
        Name = name,
        Tier = tier,
        BackupStorageAccount = "stbackups",
        KeyVaultName = "kv-test",
        ResourceGroupName = "rg-test",
    };

    public static AppWorkloadArgs Workload => new()
    {
        Team = "team-a",
        Image = new ContainerImage("registry.example.com/app", "1.2.3"),
        Port = 8080,
        HealthPath = "/health",
        Environment = new Dictionary<string, string> { ["APP_MODE"] = "postgres" },
        DatabaseEnvironment = new DatabaseEnvironmentNames { Host = "DB_HOST", Port = "DB_PORT", Database = "DB_NAME", User = "DB_USER", Password = "DB_PASSWORD" },
    };

    public static ApplicationArgs App(TierProfile tier, string env = "test") => new()
    {
        Database = new AppDatabaseArgs { Team = "team-a", Environment = For(tier, env) },
        Workload = Workload,
    };
}
