using PgPlatform.Components.Day2;
using PgPlatform.Components.Model;
using PgPlatform.Components.Tiers;

namespace PgPlatform.Components.Tests.Day2;

/// <summary>
/// Out-of-range declarations name what the user edits: the stack file's key and the file when the database was
/// declared in one (never the C# property), with the tier's bounds and how to fix it; the property in code.
/// </summary>
public sealed class AppDatabaseMessagesTests
{
    private static string Refused(TierProfile tier, Func<AppDatabaseArgs, AppDatabaseArgs> change, bool fromStackFile = true)
    {
        var args = new AppDatabaseArgs { Team = "team-a", Environment = TestEnvironments.For(tier, "prod") };
        args = fromStackFile ? args with { DeclaredAt = "pg-platform:databases[1]", DeclaredIn = "Pulumi.prod.yaml" } : args;
        return Assert.Throws<DeclarationException>(() => new AppDatabase(new ResourceModel(), "shop", change(args))).Message;
    }

    [Fact]
    public void ARetentionOutsideTheTierNamesTheStackFileKeyAndTheBounds()
    {
        Assert.Equal(
            "application 'shop' in environment 'prod': a retention of 60 days is outside the production tier's 14 to 30 days. Fix: set 'pg-platform:databases[1].retentionDays' in Pulumi.prod.yaml to 14 to 30 days, or leave it out for the tier's 30",
            Refused(TierProfiles.Production, a => a with { RetentionDays = 60 }));
    }

    [Fact]
    public void TooFewInstancesForTheTierNameTheStackFileKeyAndTheBounds()
    {
        Assert.Equal(
            $"application 'shop' in environment 'prod': 1 instance(s) is fewer than the 3 the production tier requires. Fix: set 'pg-platform:databases[1].instances' in Pulumi.prod.yaml to 3 or more (the production tier allows 3 to {TierProfiles.Production.MaxInstances}), or leave it out for the tier's 3",
            Refused(TierProfiles.Production, a => a with { Instances = 1 }));
    }

    [Fact]
    public void TooFewInstancesToReplicateNameTheStackFileKeyAndTheReplicationSetting()
    {
        var message = Refused(TierProfiles.Development, a => a with { Instances = 1, Environment = a.Environment with { Replication = ReplicationDurability.Synchronous } });
        Assert.Contains("1 instance(s) cannot replicate synchronous", message);
        Assert.Contains($"Fix: set 'pg-platform:databases[1].instances' in Pulumi.prod.yaml to 2 or more (the development tier allows up to {TierProfiles.Development.MaxInstances}), or set pg-platform:replication: asynchronous in Pulumi.prod.yaml", message);
    }

    [Fact]
    public void AMalformedBackupScheduleNamesTheStackFileKey()
    {
        Assert.Contains("'pg-platform:databases[1].backupSchedule' in Pulumi.prod.yaml", Refused(TierProfiles.Production, a => a with { BackupSchedule = "0 99 3 * * *" }));
    }

    [Fact]
    public void DeclaredInCodeTheMessagesNameTheProperty()
    {
        var message = Refused(TierProfiles.Production, a => a with { RetentionDays = 60 }, fromStackFile: false);
        Assert.EndsWith("Fix: set RetentionDays to 14 to 30 days, or leave it out for the tier's 30", message);
    }
}
