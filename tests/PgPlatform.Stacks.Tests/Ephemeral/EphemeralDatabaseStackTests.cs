using PgPlatform.Components.Model;
using PgPlatform.Components.Settings;
using PgPlatform.Components.Tiers;
using PgPlatform.Stacks.Ephemeral;

namespace PgPlatform.Stacks.Tests.Ephemeral;

public sealed class EphemeralDatabaseStackTests : IDisposable
{
    private readonly string _project = Directory.CreateTempSubdirectory("stack-file-").FullName;

    public EphemeralDatabaseStackTests() => StackFiles.Write(_project, "dev", "linkding", "{name: wikijs, storageSize: 5Gi, retentionDays: 7}");

    public void Dispose() => Directory.Delete(_project, recursive: true);

    private StackSettings Dev => StackLoader.Load(_project, "dev");

    [Fact]
    public void TheEphemeralStackKeepsTheBaseSettingsWithTierEphemeralAndOnlyTheDrilledDatabase()
    {
        var settings = EphemeralDatabaseStack.Settings(Dev, "wikijs", "failover-0a1b2c");

        Assert.Equal([new DatabaseSelection { Name = "wikijs", Instances = EphemeralDatabaseStack.DrillInstances }], settings.Databases);
        Assert.Equal(Dev with { Stack = "failover-0a1b2c", Tier = TierProfiles.Ephemeral, StorageClass = TierProfiles.Development.StorageClass, Replication = ReplicationDurability.Asynchronous, Delivery = Delivery.Pulumi, Monitoring = Dev.Monitoring with { Mode = MonitoringMode.Existing }, Databases = settings.Databases }, settings);
    }

    [Fact]
    public void The_ephemeral_stack_uses_the_storage_class_the_base_environment_sets_or_its_tiers()
    {
        Assert.Equal("pgp-development", EphemeralDatabaseStack.Settings(Dev, "wikijs", "failover-0a1b2c").StorageClass);
        Assert.Equal("premium-zrs", EphemeralDatabaseStack.Settings(Dev with { StorageClass = "premium-zrs" }, "wikijs", "failover-0a1b2c").StorageClass);
    }

    [Fact]
    public void A_drilled_database_replicates_as_the_base_environment_declares_and_a_restored_one_asynchronously()
    {
        var prod = Dev with { Tier = TierProfiles.Production };

        Assert.Equal(ReplicationDurability.Synchronous, EphemeralDatabaseStack.Settings(prod, "wikijs", "failover-0a1b2c").Replication);
        Assert.Equal(ReplicationDurability.Preferred, EphemeralDatabaseStack.Settings(prod with { Replication = ReplicationDurability.Preferred }, "wikijs", "failover-0a1b2c").Replication);
        Assert.Equal(ReplicationDurability.Asynchronous, EphemeralDatabaseStack.Settings(prod, "wikijs", "restore-9f8e7d", new RecoverySelection { Stack = "failover-0a1b2c" }).Replication);
    }

    [Fact]
    public void ItsConfigIsEveryTypedSettingWithTheDatabaseAsPathEntries()
    {
        var config = EphemeralDatabaseStack.Config(EphemeralDatabaseStack.Settings(Dev, "wikijs", "failover-0a1b2c"));

        Assert.Equal(
        [
            new ConfigSetting("pg-platform:tier", "ephemeral"),
            new ConfigSetting("pg-platform:kubeContext", "aks-dev-weu"),
            new ConfigSetting("azure-native:location", "westeurope"),
            new ConfigSetting("azure-native:subscriptionId", "3f2c8a51-7d4e-4b0a-9c61-2e8f5d7b9a10"),
            new ConfigSetting("azure-native:tenantId", "8e1d0c44-2b7a-4f3e-a5c9-61d0f2e4b7c3"),
            new ConfigSetting("pg-platform:oidcIssuerUrl", "https://westeurope.oic.prod-aks.azure.com/8e1d0c44-2b7a-4f3e-a5c9-61d0f2e4b7c3/5b0a7c2e-91d4-4e8b-b6f3-0c2d8a9e1f47/"),
            new ConfigSetting("pg-platform:resourceGroup", "rg-pg-platform-dev"),
            new ConfigSetting("pg-platform:keyVaultName", "kv-pgp-dev"),
            new ConfigSetting("pg-platform:backupStorageAccount", "stpgpdevbackups"),
            new ConfigSetting("pg-platform:storageClass", "pgp-development"),
            new ConfigSetting("pg-platform:replication", "asynchronous"),
            new ConfigSetting("pg-platform:delivery", "pulumi"),
            new ConfigSetting("pg-platform:deliverySubject", "pg-platform-delivery"),
            new ConfigSetting("pg-platform:gitopsRepoUrl", "https://git.example.com/platform/gitops.git"),
            new ConfigSetting("pg-platform:gitopsRevision", "main"),
            new ConfigSetting("pg-platform:monitoring.mode", "existing", IsPath: true),
            new ConfigSetting("pg-platform:monitoring.release", "kube-prometheus-stack", IsPath: true),
            new ConfigSetting("pg-platform:monitoring.namespace", "monitoring", IsPath: true),
            new ConfigSetting("pg-platform:databases[0].name", "wikijs", IsPath: true),
            new ConfigSetting("pg-platform:databases[0].instances", "3", IsPath: true),
        ], config);
    }

    [Fact]
    public void ARestoreStackHasOneInstanceRecoveringFromTheDrilledStackAtTheBackupAndTimeAskedFor()
    {
        var recovery = new RecoverySelection { Stack = "failover-0a1b2c", BackupId = "20261122T101010", TargetTime = new DateTimeOffset(2026, 11, 22, 11, 12, 13, 456, TimeSpan.FromHours(1)) };

        var config = EphemeralDatabaseStack.Config(EphemeralDatabaseStack.Settings(Dev, "wikijs", "restore-9f8e7d", recovery));

        Assert.Equal(
        [
            new ConfigSetting("pg-platform:databases[0].name", "wikijs", IsPath: true),
            new ConfigSetting("pg-platform:databases[0].instances", "1", IsPath: true),
            new ConfigSetting("pg-platform:databases[0].recoverFrom.stack", "failover-0a1b2c", IsPath: true),
            new ConfigSetting("pg-platform:databases[0].recoverFrom.backupId", "20261122T101010", IsPath: true),
            new ConfigSetting("pg-platform:databases[0].recoverFrom.targetTime", "2026-11-22T10:12:13.456Z", IsPath: true),
        ], config.Where(c => c.IsPath && c.Key.StartsWith("pg-platform:databases", StringComparison.Ordinal)));
    }

    [Fact]
    public void ARestoreOfTheLatestStateNamesNeitherABackupNorATime()
    {
        var config = EphemeralDatabaseStack.Config(EphemeralDatabaseStack.Settings(Dev, "wikijs", "restore-9f8e7d", new RecoverySelection { Stack = "failover-0a1b2c" }));

        Assert.Equal(["name", "instances", "recoverFrom.stack"], config.Where(c => c.IsPath && c.Key.StartsWith("pg-platform:databases", StringComparison.Ordinal)).Select(c => c.Key["pg-platform:databases[0].".Length..]));
    }

    [Fact]
    public void AFreshStackNameIsNamedForTheDrillAndUnique()
    {
        var first = EphemeralDatabaseStack.NewStackName("restore");
        var second = EphemeralDatabaseStack.NewStackName("restore");

        Assert.Matches("^restore-[0-9a-f]{6}$", first);
        Assert.NotEqual(first, second);
    }

    [Theory]
    [InlineData("drill_1")]
    [InlineData("Drill-1")]
    [InlineData("a-very-long-stack-name")]
    public void StackNamesTheCompilerWouldRefuseAreRefused(string stack)
    {
        var error = Assert.Throws<ArgumentException>(() => EphemeralDatabaseStack.Settings(Dev, "linkding", stack));

        Assert.StartsWith($"stack name '{stack}' is not a DNS-1123 label of at most 20 characters", error.Message, StringComparison.Ordinal);
    }
}
