using PgPlatform.Components.Model;
using PgPlatform.Components.Settings;
using PgPlatform.Components.Tiers;
using PgPlatform.Testing;
using PgPlatform.Testing.Pulumi;

namespace PgPlatform.Components.Tests.Settings;

/// <summary>
/// The writer is the parser's inverse: its <c>config set</c> calls, applied as Pulumi applies them and handed to the
/// compiler as Pulumi hands them (<c>PULUMI_CONFIG</c>), parse back to the very settings written.
/// </summary>
public sealed class StackConfigWriterTests
{
    private static readonly IReadOnlyList<DatabaseSelection> NoDatabases = [];

    private static readonly StackSettings EveryField = new()
    {
        Stack = "qa",
        Tier = TierProfiles.Staging,
        KubeContext = "aks-qa-neu",
        AzureLocation = "northeurope",
        SubscriptionId = "11111111-2222-3333-4444-555555555555",
        TenantId = "66666666-7777-8888-9999-000000000000",
        OidcIssuerUrl = "https://northeurope.oic.prod-aks.azure.com/tenant/issuer/",
        DeliverySubject = "system:serviceaccount:ci:deliverer",
        ResourceGroup = "rg-pg-platform-qa",
        KeyVaultName = "kv-pgp-qa",
        BackupStorageAccount = "stpgpqabackups",
        StorageClass = "premium-zrs",
        Replication = ReplicationDurability.Preferred,
        Delivery = Delivery.Pulumi,
        GitOpsRepoUrl = "ssh://git@git.example.com/platform/gitops.git",
        GitOpsRevision = "release-7",
        Monitoring = new MonitoringSelection { Mode = MonitoringMode.Existing, Release = "prom", Namespace = "observability" },
        Nightly = new NightlySelection { Concurrency = 8, Window = "90m" },
        Databases =
        [
            new DatabaseSelection
            {
                Name = "linkding",
                Instances = 2,
                StorageSize = "20Gi",
                WalStorageSize = "5Gi",
                BackupSchedule = "0 30 2 * * *",
                RetentionDays = 7,
                RecoverFrom = new RecoverySelection { Stack = "prod", BackupId = "20261122T030000", TargetTime = new DateTimeOffset(2026, 11, 22, 18, 0, 1, TimeSpan.Zero).AddTicks(4_560_001) },
            },
            new DatabaseSelection { Name = "wikijs", RecoverFrom = new RecoverySelection { Stack = "prod", TargetTime = new DateTimeOffset(2026, 11, 22, 18, 0, 0, TimeSpan.Zero) } },
            new DatabaseSelection { Name = "gitea", RecoverFrom = new RecoverySelection { Stack = "prod" } },
            new DatabaseSelection { Name = "notes" },
        ],
    };

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void TheCommittedStackFilesReadBackAsTheSameSettings(string stack)
    {
        var settings = StackLoader.Load(SharedSchemas.RepoRoot, stack);

        AssertSameSettings(settings, ReadBack(settings));
    }

    [Fact]
    public void SettingsWithEveryOptionalFieldSetReadBackTheSame()
    {
        AssertSameSettings(EveryField, ReadBack(EveryField));
    }

    [Fact]
    public void AStackWithoutDatabasesIsWrittenAsAnEmptyListWhichTheParserRefuses()
    {
        var settings = EveryField with { Databases = NoDatabases };

        var error = Assert.Throws<SettingsException>(() => ReadBack(settings));
        Assert.Contains("is an empty list: the stack would deploy no database", error.Message);
        Assert.Contains(new StackConfigEntry("pg-platform:databases", "[]", IsPath: false), StackConfigWriter.ToConfig(settings));
    }

    [Fact]
    public void EverySettingTheParserReadsIsWritten()
    {
        var keys = StackConfigWriter.ToConfig(EveryField).Select(e => e.Key.Split('[', '.')[0]).Distinct();

        Assert.Equal(SettingKeys.All.Select(k => k.Key).Order(StringComparer.Ordinal), keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ScalarsArePlainKeysAndEveryDatabaseAndMonitoringFieldIsAPathEntry()
    {
        var config = StackConfigWriter.ToConfig(StackLoader.Load(SharedSchemas.RepoRoot, "prod"));

        Assert.Equal(new StackConfigEntry("pg-platform:tier", "production", IsPath: false), config[0]);
        Assert.Equal(
        [
            new StackConfigEntry("pg-platform:monitoring.mode", "install", IsPath: true),
            new StackConfigEntry("pg-platform:monitoring.release", "kube-prometheus-stack", IsPath: true),
            new StackConfigEntry("pg-platform:monitoring.namespace", "monitoring", IsPath: true),
            new StackConfigEntry("pg-platform:databases[0].name", "linkding", IsPath: true),
            new StackConfigEntry("pg-platform:databases[0].storageSize", "20Gi", IsPath: true),
            new StackConfigEntry("pg-platform:databases[0].walStorageSize", "5Gi", IsPath: true),
            new StackConfigEntry("pg-platform:databases[1].name", "wikijs", IsPath: true),
            new StackConfigEntry("pg-platform:databases[1].retentionDays", "14", IsPath: true),
        ], config.Where(e => e.IsPath));
        Assert.DoesNotContain(config, e => !e.IsPath && e.Key.StartsWith("pg-platform:databases", StringComparison.Ordinal));
    }

    [Fact]
    public void ARecoveryTimeIsWrittenInUtcWithFractionsOnlyWhenItHasThem()
    {
        Assert.Equal("2026-11-22T17:00:00Z", StackConfigWriter.TargetTime(new DateTimeOffset(2026, 11, 22, 18, 0, 0, TimeSpan.FromHours(1))));
        Assert.Equal("2026-11-22T18:00:01.4560001Z", StackConfigWriter.TargetTime(EveryField.Databases[0].RecoverFrom!.TargetTime!.Value));
    }

    /// <summary>What the compiler reads after Pulumi ran the writer's <c>config set</c> calls on a fresh stack.</summary>
    private static StackSettings ReadBack(StackSettings settings)
    {
        var config = PulumiPathConfig.Apply(StackConfigWriter.ToConfig(settings).Select(e => (e.Key, e.Value, e.IsPath)));
        var pulumiConfig = StackConfigSources.FromPulumiConfig(StackConfigSources.ToPulumiConfigJson(config));
        return StackSettingsParser.Parse(settings.Stack, pulumiConfig, "PULUMI_CONFIG");
    }

    private static void AssertSameSettings(StackSettings expected, StackSettings actual)
    {
        // Records compare lists by reference; the databases are compared entry by entry.
        Assert.Equal(expected with { Databases = NoDatabases }, actual with { Databases = NoDatabases });
        Assert.Equal(expected.Databases, actual.Databases);
    }
}
